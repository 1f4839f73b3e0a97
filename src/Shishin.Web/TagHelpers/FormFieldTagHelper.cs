using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Shishin.Web.TagHelpers;

/// <summary>
/// One form field with its label, hint and error message wired together (for/id, aria-describedby, aria-invalid),
/// so every form in Shishin is accessible the same way. Validation happens on the server only.
/// </summary>
[HtmlTargetElement("form-field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    public ModelExpression For { get; set; } = default!;

    /// <summary>text, email, password, number, date, textarea or select.</summary>
    public string Type { get; set; } = "text";

    public string? Hint { get; set; }
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }
    public IEnumerable<SelectListItem>? Items { get; set; }
    public string? OptionLabel { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var hintId = id + "-hint";
        var errorId = id + "-error";
        var describedBy = string.Join(' ', new[] { Hint is null ? null : hintId, errors.Count > 0 ? errorId : null }.Where(x => x is not null));

        var attributes = new Dictionary<string, object>(StringComparer.Ordinal) { ["id"] = id };
        if (describedBy.Length > 0)
        {
            attributes["aria-describedby"] = describedBy;
        }

        if (errors.Count > 0)
        {
            attributes["aria-invalid"] = "true";
        }

        if (For.Metadata.IsRequired && For.Metadata.ModelType != typeof(bool))
        {
            attributes["aria-required"] = "true";
        }

        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        if (Inputmode is not null)
        {
            attributes["inputmode"] = Inputmode;
        }

        var control = Type switch
        {
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, null, With(attributes, "class", "input", "type", "password")),
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, 6, 60, With(attributes, "class", "textarea")),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, OptionLabel, For.Name, Items ?? [], false, With(attributes, "class", "select")),
            _ => generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, null, With(attributes, "class", "input", "type", Type)),
        };

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "form-field form-field--error" : "form-field");

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(For.Metadata.DisplayName ?? For.Name);
        output.Content.AppendHtml(label);

        if (Hint is not null)
        {
            var hint = new TagBuilder("p");
            hint.AddCssClass("form-hint");
            hint.Attributes["id"] = hintId;
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
        }

        if (errors.Count > 0)
        {
            var error = new TagBuilder("p");
            error.AddCssClass("field-error");
            error.Attributes["id"] = errorId;
            error.InnerHtml.Append(string.Join(" ", errors));
            output.Content.AppendHtml(error);
        }

        output.Content.AppendHtml(control);
    }

    private static Dictionary<string, object> With(Dictionary<string, object> attributes, params string[] pairs)
    {
        var copy = new Dictionary<string, object>(attributes, StringComparer.Ordinal);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            copy[pairs[i]] = pairs[i + 1];
        }

        return copy;
    }
}

/// <summary>The list of a form's problems at its top, each linked to its field (GOV.UK error summary pattern).</summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, HtmlEncoder encoder) : TagHelper
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
        output.Content.AppendHtml($"<h2 class=\"error-summary__title\" id=\"error-summary-title\">{encoder.Encode(l["There is a problem"])}</h2><ul>");
        foreach (var (key, entry) in state)
        {
            foreach (var error in entry.Errors)
            {
                var message = encoder.Encode(error.ErrorMessage);
                output.Content.AppendHtml(string.IsNullOrEmpty(key)
                    ? $"<li>{message}</li>"
                    : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{message}</a></li>");
            }
        }

        output.Content.AppendHtml("</ul>");
    }
}
