using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Shishin.Web.Endpoints;

namespace Shishin.Web.Infrastructure;

/// <summary>The parts of the language switch that keep a form's input (see <see cref="ILanguageSwitchPage"/>).</summary>
public static class LanguageSwitch
{
    /// <summary>The query parameter that carries the chosen language on a re-submitted form.</summary>
    public const string LanguageParameter = "__language";

    /// <summary>Present when the form was showing errors; without it the re-shown form shows none (it was not sent yet).</summary>
    public const string ErrorsParameter = "__errors";

    private static readonly object FormKey = new();

    /// <summary>Where the language button submits the form of the page, once the page has marked its form.</summary>
    public sealed record Resubmission(string FormId, string Action);

    internal sealed record MarkedForm(string FormId, string Action, bool ShowsErrors);

    internal static void Mark(HttpContext context, string formId, string action, bool showsErrors) =>
        context.Items[FormKey] = new MarkedForm(formId, action, showsErrors);

    /// <summary>The form and address the language button uses to switch to <paramref name="culture"/>, or null for a plain switch.</summary>
    public static Resubmission? For(HttpContext context, string culture)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[FormKey] is not MarkedForm form)
        {
            return null;
        }

        var action = QueryHelpers.AddQueryString(Without(form.Action), LanguageParameter, culture);
        return new(form.FormId, form.ShowsErrors ? QueryHelpers.AddQueryString(action, ErrorsParameter, "1") : action);
    }

    /// <summary>The chosen language of a re-submitted form, or null when this request is not one.</summary>
    public static string? Requested(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsPost(request.Method) && request.Query.TryGetValue(LanguageParameter, out var value)
            ? ShishinWebHost.SupportedCultures.FirstOrDefault(c => c.Name == value.ToString())?.Name
            : null;
    }

    public static IServiceCollection AddLanguageSwitch(this IServiceCollection services)
    {
        // After the host has set its providers: the re-submitted form's language comes before the cookie.
        services.PostConfigure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, new ResubmissionCultureProvider()));
        services.Configure<MvcOptions>(o => o.Filters.Add(new ResubmissionFilter()));
        return services;
    }

    // A page shown after a re-submission posts back to the same address: the switch's own parameters must not pile up.
    private static string Without(string action)
    {
        var question = action.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return action;
        }

        var query = QueryHelpers.ParseQuery(action[question..]);
        var kept = query.Where(q => q.Key is not (LanguageParameter or ErrorsParameter))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return QueryHelpers.AddQueryString(action[..question], kept);
    }

    /// <summary>The re-submitted form is read, validated and shown in the language chosen.</summary>
    private sealed class ResubmissionCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult(Requested(httpContext.Request) is { } culture ? new ProviderCultureResult(culture) : null);
    }

    /// <summary>Remembers the choice, and shows the form again instead of running its handler.</summary>
    private sealed class ResubmissionFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            ArgumentNullException.ThrowIfNull(context);
            ArgumentNullException.ThrowIfNull(next);
            if (Requested(context.HttpContext.Request) is not { } culture)
            {
                await next();
                return;
            }

            CultureEndpoint.Remember(context.HttpContext, culture);
            if (context.HandlerInstance is not ILanguageSwitchPage page)
            {
                // Never run a handler for a language switch: a page that cannot show its form again is simply reloaded.
                context.Result = new RedirectResult(context.HttpContext.Request.Path);
                return;
            }

            context.Result = await page.RedisplayAsync();
            if (!context.HttpContext.Request.Query.ContainsKey(ErrorsParameter))
            {
                context.ModelState.Clear();
            }
        }
    }
}
