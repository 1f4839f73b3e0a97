using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Shishin.Web.Infrastructure;

/// <summary>Model binding's own messages ("The value 'x' is not valid") in the page's language.</summary>
internal static class ModelBindingMessages
{
    // MVC options are built before the container exists; resource lookups follow CultureInfo.CurrentUICulture,
    // which request localization sets per request, so one localizer serves every request.
    private static readonly Lazy<IStringLocalizer> Localizer = new(() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource)));

    public static void Localize(MvcOptions options)
    {
        var provider = options.ModelBindingMessageProvider;
        static string Invalid() => Localizer.Value["The value entered is not valid."];
        static string Missing() => Localizer.Value["Enter a value."];
        static string Number() => Localizer.Value["Enter a number."];
        provider.SetValueMustNotBeNullAccessor(_ => Missing());
        provider.SetMissingBindRequiredValueAccessor(_ => Missing());
        provider.SetMissingKeyOrValueAccessor(Missing);
        provider.SetMissingRequestBodyRequiredValueAccessor(Missing);
        provider.SetAttemptedValueIsInvalidAccessor((_, _) => Invalid());
        provider.SetUnknownValueIsInvalidAccessor(_ => Invalid());
        provider.SetValueIsInvalidAccessor(_ => Invalid());
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Invalid());
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(Invalid);
        provider.SetValueMustBeANumberAccessor(_ => Number());
        provider.SetNonPropertyValueMustBeANumberAccessor(Number);
    }
}
