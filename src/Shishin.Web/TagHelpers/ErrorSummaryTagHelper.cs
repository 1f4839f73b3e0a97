using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Shishin.Web.TagHelpers;

/// <summary>
/// The list of a form's problems at its top, each linked to its field (GOV.UK error summary pattern), in the order of
/// the fields on the page. The summary stands above the fields it lists, so its list is written only when the page is
/// written out, after every field has taken its place (<see cref="FieldOrder"/>).
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var state = ViewContext.ViewData.ModelState;
        if (state.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        var title = new TagBuilder("h2");
        title.AddCssClass("error-summary__title");
        title.Attributes["id"] = "error-summary-title";
        title.InnerHtml.Append(l["There is a problem"]);
        output.Content.AppendHtml(title);
        output.Content.AppendHtml(new ErrorList(state, ViewContext.HttpContext));
    }

    /// <summary>Form-wide problems first, then each field's in the order the page rendered the fields.</summary>
    private sealed class ErrorList(ModelStateDictionary state, HttpContext context) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var entries = state
                .Where(e => e.Value is { Errors.Count: > 0 })
                .Select((e, index) => (e.Key, e.Value!.Errors, Id: TagBuilder.CreateSanitizedId(e.Key, "_"), index))
                .OrderBy(e => e.Key.Length == 0 ? -1 : FieldOrder.PositionOf(context, e.Id))
                .ThenBy(e => e.index);
            writer.Write("<ul>");
            foreach (var (key, errors, id, _) in entries)
            {
                foreach (var error in errors)
                {
                    var message = encoder.Encode(error.ErrorMessage);
                    writer.Write(key.Length == 0 ? $"<li>{message}</li>" : $"<li><a href=\"#{encoder.Encode(id)}\">{message}</a></li>");
                }
            }

            writer.Write("</ul>");
        }
    }
}
