using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Web.Pages.Services;

namespace Shishin.Web.TagHelpers;

/// <summary>
/// A panel rating (<c>&lt;rating value="@rag" /&gt;</c>) as a tag with its word and a shape — a circle for green, a
/// triangle for amber, a cross for red — so that colour is never the only signal (WCAG 1.4.1). The shape is decoration
/// for sighted readers; screen readers read the word.
/// </summary>
[HtmlTargetElement("rating", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RatingTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    public Rag? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", ServiceLabels.RagTag(Value));
        var shape = Shape(Value);
        if (shape is not null)
        {
            output.Content.AppendHtml("<span class=\"rag__shape\" aria-hidden=\"true\">");
            output.Content.Append(shape);
            output.Content.AppendHtml("</span> ");
        }

        output.Content.Append(new ServiceLabels(l).Rating(Value));
    }

    public static string? Shape(Rag? rag) => rag switch
    {
        Rag.Green => "●",
        Rag.Amber => "▲",
        Rag.Red => "×",
        _ => null,
    };
}
