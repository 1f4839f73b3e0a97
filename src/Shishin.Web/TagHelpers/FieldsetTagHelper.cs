using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Shishin.Web.TagHelpers;

/// <summary>A group of checkboxes or radios is one field: its fieldset's id takes its place in the error summary's order.</summary>
[HtmlTargetElement("fieldset", Attributes = "id")]
public sealed class FieldsetTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes.TryGetAttribute("id", out var id) && id.Value?.ToString() is { Length: > 0 } value)
        {
            FieldOrder.Register(ViewContext.HttpContext, value);
        }
    }
}
