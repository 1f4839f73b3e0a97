using System.Globalization;
using System.Net;
using System.Text;

namespace Shishin.Core.Email;

/// <summary>
/// The one layout of Shishin's e-mails: paragraphs, at most one link (written out in full, so it works in plain-text
/// mail clients) and a closing line, rendered as plain text and as simple HTML from the same parts.
/// </summary>
public static class EmailTemplate
{

    public static bool IsEnglish(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "en";
    }

    /// <summary>A UTC time as people in Tokyo read it, with the time zone said.</summary>
    public static string TokyoTime(DateTimeOffset utc, CultureInfo culture) =>
        IsEnglish(culture)
            ? JapanTime.From(utc).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " (Japan time)"
            : JapanTime.From(utc).ToString("yyyy年M月d日 H:mm", CultureInfo.InvariantCulture) + "（日本時間）";

    public static EmailMessage Build(string to, CultureInfo culture, string subject, IReadOnlyList<string> paragraphs, Uri? link = null, string? linkText = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var english = IsEnglish(culture);
        var closing = english
            ? "This e-mail was sent by Shishin automatically. Replies to it are not read."
            : "このメールは指針（Shishin）から自動で送信しています。返信されても読むことができません。";

        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{(english ? "en" : "ja")}\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head><body>");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>");
        }

        if (link is not null)
        {
            text.Append(link.AbsoluteUri).Append("\n\n");
            html.Append("<p><a href=\"").Append(Encode(link.AbsoluteUri)).Append("\">").Append(Encode(linkText ?? link.AbsoluteUri)).Append("</a></p>");
            html.Append("<p>").Append(Encode(english ? "If the link does not open, copy this address into your browser:" : "リンクが開かない場合は、次のアドレスをブラウザーに貼り付けてください。"))
                .Append("<br>").Append(Encode(link.AbsoluteUri)).Append("</p>");
        }

        text.Append("-- \n").Append(closing).Append('\n');
        html.Append("<hr><p>").Append(Encode(closing)).Append("</p></body></html>");
        return new EmailMessage(to, subject, text.ToString(), html.ToString());
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
