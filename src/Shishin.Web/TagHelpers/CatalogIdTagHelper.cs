using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Shishin.Web.TagHelpers;

/// <summary>
/// A checkpoint or principle id (P1-01, UX-04): <c>&lt;catalog-id&gt;@c.Id&lt;/catalog-id&gt;</c> renders it in a
/// span that never breaks at its hyphen, so a narrow table cell cannot show "P1-" on one line and "01" on the next.
/// </summary>
[HtmlTargetElement("catalog-id")]
public sealed class CatalogIdTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "catalog-id");
    }
}
