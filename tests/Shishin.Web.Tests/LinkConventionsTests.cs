using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Shishin.Web.Tests;

/// <summary>
/// Links in the web project come from typed link generation (asp-page, Url.Page, Url.RouteUrl, RedirectToPage,
/// LinkGenerator), so renaming a route cannot leave a dead link behind.
/// </summary>
public sealed partial class LinkConventionsTests
{
    private static readonly string WebSource = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "src", "Shishin.Web"));

    [Fact]
    public void PagesAndEndpoints_HaveNoHardCodedLocalLinks()
    {
        var files = SourceFiles("*.cshtml").Concat(SourceFiles("*.cs")).ToList();
        Assert.Contains(files, f => f.EndsWith("_Layout.cshtml", StringComparison.Ordinal));

        var found = files
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => HardCodedLink().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(WebSource, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "Use asp-page, Url.Page, RedirectToPage or LinkGenerator instead of these route strings:\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("<a href=\"/catalog\">")]
    [InlineData("<form method=\"get\" action=\"/catalog/diff\">")]
    [InlineData("<button formaction=\"/culture\">")]
    [InlineData("return Redirect(\"/account/sign-in\");")]
    [InlineData("return LocalRedirect(\"/\");")]
    [InlineData("return RedirectPermanent(\"/catalog\");")]
    [InlineData("context.Response.Redirect(\"/setup\");")]
    [InlineData("return Redirect($\"/proposals/{id}\");")]
    public void HardCodedLink_RouteString_Matches(string line) => Assert.Matches(HardCodedLink(), line);

    [Theory]
    [InlineData("<a href=\"@Url.Page(\"/Catalog/Index\")\">")]
    [InlineData("<a asp-page=\"/Catalog/Checkpoint\" asp-route-id=\"P3-01\">")]
    [InlineData("<link rel=\"stylesheet\" href=\"~/css/site.css\">")]
    [InlineData("<a href=\"//example.org/\">")]
    [InlineData("<a href=\"https://www.digital.metro.tokyo.lg.jp/\">")]
    [InlineData("return RedirectToPage(\"/Account/SignIn\");")]
    public void HardCodedLink_TypedOrExternalLink_DoesNotMatch(string line) => Assert.DoesNotMatch(HardCodedLink(), line);

    private static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(WebSource, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    // href="/…", action="/…", formaction="/…", and Redirect("/…") in every spelling but RedirectToPage/RedirectToRoute/
    // RedirectToAction, whose strings are page or route names; "~/" paths to static files and "//host" links are fine.
    [GeneratedRegex("""(?:\b(?:href|action|formaction)="/(?!/))|(?:\b(?:Local)?Redirect(?!To(?:Page|Route|Action))\w*\(\s*\$?"/)""")]
    private static partial Regex HardCodedLink();
}
