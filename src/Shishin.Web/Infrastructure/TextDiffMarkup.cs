using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// One side of a changed text with the changed words marked, for the catalogue's and the canvas's diffs: the old side
/// with <c>del</c>, the new with <c>ins</c>. Built here, not in Razor, because Razor would put whitespace between the
/// runs, and a space is a change in Japanese. Screen readers do not announce <c>del</c> and <c>ins</c>, so each change
/// also says where it starts and ends, and the marks are struck through or underlined, not only coloured.
/// </summary>
public static class TextDiffMarkup
{
    /// <summary>The old side (<paramref name="afterSide"/> false) or the new side of <paramref name="segments"/>.</summary>
    public static IHtmlContent MarkSide(IEnumerable<TextSegment> segments, bool afterSide, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(l);
        var (hidden, element, css, starts, ends) = afterSide
            ? (TextChange.Deleted, "ins", "text-diff__ins", l["[added text starts]"], l["[added text ends]"])
            : (TextChange.Inserted, "del", "text-diff__del", l["[deleted text starts]"], l["[deleted text ends]"]);
        var html = new HtmlContentBuilder();
        foreach (var segment in segments.Where(s => s.Change != hidden))
        {
            if (segment.Change == TextChange.Same)
            {
                html.Append(segment.Text);
                continue;
            }

            html.AppendHtml($"<{element} class=\"{css}\"><span class=\"visually-hidden\">");
            html.Append(starts);
            html.AppendHtml("</span>");
            html.Append(segment.Text);
            html.AppendHtml("<span class=\"visually-hidden\">");
            html.Append(ends);
            html.AppendHtml($"</span></{element}>");
        }

        return html;
    }
}
