using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.TagHelpers;

/// <summary>
/// <c>&lt;form method="post" keep-on-language-switch&gt;</c>: the header's language button submits this form (through its
/// <c>form</c> and <c>formaction</c> attributes), so switching language keeps what was typed. The page model must be an
/// <see cref="ILanguageSwitchPage"/>. Works without JavaScript.
/// </summary>
[HtmlTargetElement("form", Attributes = AttributeName)]
public sealed class LanguageSwitchFormTagHelper : TagHelper
{
    private const string AttributeName = "keep-on-language-switch";

    // After the framework's form tag helper, which writes the action of asp-page-handler forms.
    public override int Order => 100;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.RemoveAll(AttributeName);
        if (ViewContext.ViewData.Model is not ILanguageSwitchPage)
        {
            return;
        }

        if (!output.Attributes.TryGetAttribute("id", out var idAttribute) || idAttribute.Value?.ToString() is not { Length: > 0 } id)
        {
            id = "language-kept-form";
            output.Attributes.SetAttribute("id", id);
        }

        var request = ViewContext.HttpContext.Request;
        var action = output.Attributes.TryGetAttribute("action", out var actionAttribute) && actionAttribute.Value?.ToString() is { Length: > 0 } value
            ? value
            : request.PathBase + request.Path + request.QueryString;
        LanguageSwitch.Mark(ViewContext.HttpContext, id, action, ViewContext.ViewData.ModelState.ErrorCount > 0);
    }
}
