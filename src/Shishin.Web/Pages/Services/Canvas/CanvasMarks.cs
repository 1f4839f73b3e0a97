using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>One side of a changed canvas text with the changed words marked (see <see cref="TextDiffMarkup"/>).</summary>
public sealed class CanvasMarks(IStringLocalizer<SharedResource> l)
{
    public IHtmlContent Marked(string before, string after, bool afterSide)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return TextDiffMarkup.MarkSide(TextDiff.Compare(before, after), afterSide, l);
    }
}
