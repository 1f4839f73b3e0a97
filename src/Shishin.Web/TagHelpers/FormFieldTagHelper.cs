using System.ComponentModel.DataAnnotations;
using System.Globalization;
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

    /// <summary>For number fields: the granularity, e.g. 0.1 for a figure with one decimal place.</summary>
    public string? Step { get; set; }
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
        FieldOrder.Register(ViewContext.HttpContext, id);
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

        // The same limit the model's validation applies, so a browser stops at it and the server agrees.
        if (Type is not ("select" or "number" or "date") && MaxLength(For.Metadata.ValidatorMetadata) is { } maxLength)
        {
            attributes["maxlength"] = maxLength.ToString(CultureInfo.InvariantCulture);
        }

        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        if (Inputmode is not null)
        {
            attributes["inputmode"] = Inputmode;
        }

        if (Step is not null)
        {
            attributes["step"] = Step;
        }

        var control = Type switch
        {
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, null, With(attributes, "class", "input", "type", "password")),
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, 6, 60, With(attributes, "class", "textarea")),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, OptionLabel, For.Name, Items ?? [], false, With(attributes, "class", "select")),
            // A date field's value is always yyyy-MM-dd (RFC 3339), whatever the culture would write.
            "date" => generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, "{0:yyyy-MM-dd}", With(attributes, "class", "input", "type", Type)),
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

    internal static int? MaxLength(IEnumerable<object> validators) =>
        validators.OfType<StringLengthAttribute>().Select(a => (int?)a.MaximumLength)
            .Concat(validators.OfType<MaxLengthAttribute>().Select(a => (int?)a.Length))
            .Where(n => n > 0)
            .Min();

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
