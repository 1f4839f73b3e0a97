using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Shishin.Core;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Jobs;
using Shishin.Web.Endpoints;
using Shishin.Web.Pages.Account;

namespace Shishin.Web.Infrastructure;

public static class ShishinWebHost
{
    public static readonly CultureInfo[] SupportedCultures = [new("ja"), new("en")];

    public static WebApplicationBuilder AddShishinWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        var security = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddPublicUrl(configuration);
        services.AddSiteOptions(configuration);
        services.AddRequestGuards();
        services.AddLanguageSwitch();

        services.AddShishinCore(configuration)
            .AddSignInManager<ShishinSignInManager>()
            .AddClaimsPrincipalFactory<ShishinClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.AddShishinAccounts();
        services.AddShishinJobs(configuration);
        AddAuthentication(services, configuration, security);
        AddLocalizationAndPages(services);
        services.AddShishinHttpCaching(configuration);
        services.AddShishinApiKeys();

        services.AddScoped<CspNonce>();
        services.AddSingleton<SetupState>();
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<ShishinDbContext>("database", tags: ["ready"]);
        services.AddShishinForwardedHeaders(configuration);
        services.AddShishinRateLimiting(configuration);
        Pages.Feedback.FeedbackWebExtensions.AddShishinFeedbackIntake(services, configuration);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = security.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        AddTelemetry(builder);
        return builder;
    }

    private static void AddAuthentication(IServiceCollection services, ConfigurationManager configuration, SecurityOptions security)
    {
        var cookiePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var prefix = security.RequireHttps ? "__Host-" : "";
        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        var oidc = configuration.GetSection(OpenIdConnectSettings.SectionName).Get<OpenIdConnectSettings>() ?? new OpenIdConnectSettings();
        services.Configure<OpenIdConnectSettings>(configuration.GetSection(OpenIdConnectSettings.SectionName));
        if (oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, oidc.DisplayName, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Scope.Add("email");
            });
        }

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = prefix + "shishin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = cookiePolicy;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/errors/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            // Server-side sessions (ADR 0010) first, then Identity's security stamp check.
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = ctx => ServerSideSessions.ValidateAsync(ctx, stampCheck);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = prefix + "shishin-2fa";
            o.Cookie.SecurePolicy = cookiePolicy;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => o.Cookie.SecurePolicy = cookiePolicy);
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = security.SessionRevalidationInterval;
            o.OnRefreshingPrincipal = ServerSideSessions.KeepSessionId;
        });
        services.AddScoped(sp => (ShishinSignInManager)sp.GetRequiredService<SignInManager<ShishinUser>>());
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = prefix + "shishin-tempdata";
            o.Cookie.SecurePolicy = cookiePolicy;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = prefix + "shishin-af";
            o.Cookie.SecurePolicy = cookiePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthorizationBuilder()
            // Secure by default: a page or endpoint that says nothing requires a signed-in user.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider, EndpointFallbackPolicyProvider>();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        // The handler builds the address from the request's Host header; rebuild it from Shishin:PublicUrl.
        var origin = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        var publicUrl = context.HttpContext.RequestServices.GetRequiredService<IOptions<PublicUrlOptions>>().Value;
        context.Response.Redirect(context.RedirectUri.StartsWith(origin, StringComparison.OrdinalIgnoreCase)
            ? publicUrl.Link(context.RedirectUri[origin.Length..]).AbsoluteUri
            : context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddLocalizationAndPages(IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("ja");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The visitor's own choice first, then the browser's languages; an unknown culture ends at Japanese.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                Pages.Admin.Services.ServiceCsvPageConventions.Apply(o.Conventions);
                o.Conventions.AuthorizeFolder("/Account/Manage");
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(ModelBindingMessages.Localize)
            // jQuery's "a[b]" key style is not used by our forms, and its parser throws on a key such as "[31m" (a 500).
            .AddMvcOptions(o =>
            {
                Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderFactoryExtensions.RemoveType<Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory>(o.ValueProviderFactories);
                Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderFactoryExtensions.RemoveType<Microsoft.AspNetCore.Mvc.ModelBinding.JQueryQueryStringValueProviderFactory>(o.ValueProviderFactories);
            })
            // Validation runs on the server only; the data-val attributes would be dead weight.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        // Japanese text is written as characters, not as numeric entities (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    private static void AddTelemetry(WebApplicationBuilder builder)
    {
        // Exported only where an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or OpenTelemetry:Endpoint).
        var endpoint = builder.Configuration["OpenTelemetry:Endpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("shishin-web"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter("System.Runtime").AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        var setup = app.Services.GetRequiredService<SetupState>();
        await using var scope = app.Services.CreateAsyncScope();
        if (!await setup.IsCompleteAsync(scope.ServiceProvider))
        {
            // Printed on the console on purpose: whoever started the server can finish setup from another machine.
            app.Logger.LogWarning("No administrator exists yet. Open /setup from this machine, or /setup?token={Token} from elsewhere.", setup.Token);
        }
    }

    public static WebApplication UseShishinPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/errors/500");
        }

        app.UseHttpsRequirement();
        if (security.RequireHttps)
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        app.UseRequestGuards();
        app.UseRequestLocalization();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = Pages.Feedback.WidgetScript.OnPrepareResponse });
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<AuditActorMiddleware>();
        app.UseShishinRateLimiting();
        app.UseMiddleware<SetupGateMiddleware>();
        app.UseMiddleware<AdminTwoFactorMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseShishinHttpCaching();
        return app;
    }

    public static WebApplication MapShishinEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").WithName("OpenApiDocument").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapCultureEndpoint();
        app.MapSecurityTxt();
        app.MapApiV1();
        app.MapBenchEndpoints();
        return app;
    }
}
