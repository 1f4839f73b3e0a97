using System.Net;

namespace Shishin.Scanning.Journeys;

/// <summary>
/// Replaces the scan's secrets (values from environment variables in a steps file, header values) with
/// <c>[redacted]</c> in everything a page result carries. The scanner never writes a secret itself, but a page may
/// show one back — a confirmation step that repeats what was typed, a debugging page that prints its request
/// headers — and what a page shows ends up in titles, snippets and messages.
/// </summary>
internal sealed class Redactor
{
    public const string Mark = "[redacted]";

    /// <summary>Values shorter than this are ordinary words and numbers as often as secrets; replacing them would garble the report.</summary>
    public const int MinLength = 4;

    private readonly List<string> forms;

    public Redactor(IEnumerable<string> secrets)
    {
        forms = secrets
            .Where(s => s.Length >= MinLength)
            .SelectMany(s => new[] { s, Uri.EscapeDataString(s), WebUtility.UrlEncode(s), WebUtility.HtmlEncode(s) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToList();
    }

    public bool IsEmpty => forms.Count == 0;

    public string Apply(string text)
    {
        if (IsEmpty || text.Length == 0)
        {
            return text;
        }

        foreach (var form in forms)
        {
            text = text.Replace(form, Mark, StringComparison.Ordinal);
            // Snippets are cut at a length; a secret cut in two must not survive as its first half.
            for (var length = Math.Min(form.Length - 1, text.Length); length >= MinLength; length--)
            {
                if (text.EndsWith(form[..length], StringComparison.Ordinal))
                {
                    text = text[..^length] + Mark;
                    break;
                }
            }
        }

        return text;
    }

    public string? ApplyOrNull(string? text) => text is null ? null : Apply(text);

    public Uri Apply(Uri url)
    {
        var text = Apply(url.OriginalString);
        return ReferenceEquals(text, url.OriginalString) || text == url.OriginalString ? url : new Uri(text, UriKind.RelativeOrAbsolute);
    }

    public PageResult Apply(PageResult page) => IsEmpty ? page : page with
    {
        RequestedUrl = Apply(page.RequestedUrl),
        FinalUrl = page.FinalUrl is { } final ? Apply(final) : null,
        RedirectChain = [.. page.RedirectChain.Select(h => h with { Url = Apply(h.Url) })],
        Title = ApplyOrNull(page.Title),
        Error = page.Error is { } error ? error with { Message = Apply(error.Message) } : null,
        Findings = [.. page.Findings.Select(f => f with
        {
            Message = Apply(f.Message),
            Nodes = [.. f.Nodes.Select(n => n with { Selector = Apply(n.Selector), Html = Apply(n.Html), Detail = ApplyOrNull(n.Detail) })],
        })],
    };

    /// <summary>Reports each page redacted, so that the progress lines on a terminal carry no secret either.</summary>
    public IProgress<PageResult>? Wrap(IProgress<PageResult>? progress) =>
        progress is null || IsEmpty ? progress : new RedactingProgress(this, progress);

    private sealed class RedactingProgress(Redactor redactor, IProgress<PageResult> inner) : IProgress<PageResult>
    {
        public void Report(PageResult value) => inner.Report(redactor.Apply(value));
    }
}
