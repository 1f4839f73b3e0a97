using System.Text;

namespace Shishin.Web.Glossary;

/// <summary>The table of docs/glossary.md, written from <see cref="Terms"/> so the document and the UI agree.</summary>
public static class GlossaryDocument
{
    public const string Start = "<!-- glossary:start (written from src/Shishin.Web/Glossary/Terms.cs) -->";
    public const string End = "<!-- glossary:end -->";

    public static string Table()
    {
        var text = new StringBuilder();
        text.Append("| English | 日本語 | Meaning | Not used (ja) | Not used (en) |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var term in Terms.All)
        {
            text.Append("| ").Append(term.English)
                .Append(" | ").Append(term.Japanese)
                .Append(" | ").Append(term.Meaning)
                .Append(" | ").Append(string.Join("、", term.RejectedJapanese.Select(Describe)))
                .Append(" | ").Append(string.Join(", ", term.RejectedEnglish.Select(Describe)))
                .Append(" |\n");
        }

        return text.ToString();
    }

    private static string Describe(RejectedVariant variant) => variant.HeadingsOnly ? variant.Text + " (in headings)" : variant.Text;
}
