using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Shishin.Web.TagHelpers;

/// <summary>
/// The one wrapper every table sits in: <c>&lt;table-region labelledby="caption-id"&gt;</c> renders a focusable,
/// labelled scroll region, so a wide table scrolls inside itself (keyboard users scroll it with the arrow keys once it
/// has focus) and never widens the page (WCAG 1.4.10 Reflow). Name the region by the table's caption
/// (<c>labelledby</c>) or, without a caption, by text (<c>label</c>).
/// </summary>
[HtmlTargetElement("table-region")]
public sealed class TableRegionTagHelper : TagHelper
{
    /// <summary>The id of the element (usually the table's caption) that names the region.</summary>
    public string? Labelledby { get; set; }

    /// <summary>The region's name when no element on the page names it.</summary>
    public string? Label { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(Labelledby) == string.IsNullOrEmpty(Label))
        {
            throw new InvalidOperationException("<table-region> needs exactly one of labelledby or label.");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "table-wrap");
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute(Labelledby is null ? "aria-label" : "aria-labelledby", Labelledby ?? Label);
        output.Attributes.SetAttribute("tabindex", "0");
    }
}
