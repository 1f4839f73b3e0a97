using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Tests;

namespace Shishin.Web.Tests.Security;

/// <summary>The app with one extra route at the end of the pipeline that fails, as a bug would.</summary>
public sealed class FailingAppFactory() : ShishinAppFactory(TestProvider.Sqlite)
{
    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, FailingRouteFilter>());

    private sealed class FailingRouteFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate _) =>
                context.Request.Path.StartsWithSegments("/test-failure") || context.Request.Path.StartsWithSegments("/api/v1/test-failure")
                    ? throw new InvalidOperationException("secret internal detail")
                    : Task.CompletedTask);
        };
    }
}

public sealed class ErrorPageTests(FailingAppFactory app) : IClassFixture<FailingAppFactory>
{
    [Fact]
    public async Task UnhandledException_OnAPage_ShowsLocalisedPageWithReferenceAndNoStackTrace()
    {
        var client = await app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey);
        var response = await client.GetAsync("/test-failure");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("申し訳ありません。サービスに問題が発生しています", html, StringComparison.Ordinal);
        Assert.Matches("<code>[0-9a-f]{32}</code>", html);
        Assert.DoesNotContain("secret internal detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnhandledException_OnTheApi_IsProblemDetailsWithCorrelationId()
    {
        var client = await app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey);
        var response = await client.GetAsync("/api/v1/test-failure");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"correlationId\":", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret internal detail", body, StringComparison.Ordinal);
    }
}
