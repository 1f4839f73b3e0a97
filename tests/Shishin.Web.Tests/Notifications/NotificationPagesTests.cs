using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Notifications;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Web.Tests.Notifications;

/// <summary>/services/{key}/notifications, /services/{key}/webhooks and /account/notifications.</summary>
public abstract partial class NotificationPagesTests(ShishinAppFactory app)
{
    [Fact]
    public async Task Subscribe_InEnglish_StoresKindsModeAndLanguageAndListsItInTheAccount()
    {
        var (user, client, service) = await OwnerWithServiceAsync();
        var page = $"/services/{service.Key}/notifications";
        var form = new List<KeyValuePair<string, string>> { new("Kinds", "IncidentOpened"), new("Kinds", "ActionItemsOverdue"), new("Mode", "DailyDigest") };

        using var response = await PostAsync(client, page, form, "en");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationSubscriptions.AsNoTracking().SingleAsync(s => s.UserId == user.Id);
            Assert.Equal((service.Id, NotificationMode.DailyDigest, "en"), (row.ServiceId, row.Mode, row.Language));
            Assert.Equal([NotificationKind.IncidentOpened, NotificationKind.ActionItemsOverdue], NotificationKinds.Split(row.Kinds));
        }

        var mine = await client.GetStringAsync("/account/notifications");
        Assert.Contains(service.NameJa, mine, StringComparison.Ordinal);
        Assert.Contains("1日1回のまとめ", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_NoKind_ShowsTheFieldMessageAndStoresNothing()
    {
        var (user, client, service) = await OwnerWithServiceAsync();

        using var response = await PostAsync(client, $"/services/{service.Key}/notifications", [new("Mode", "Immediate")], "ja");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("出来事の種類を1つ以上選んでください。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationSubscriptions.AnyAsync(s => s.UserId == user.Id));
    }

    [Fact]
    public async Task Subscribe_SmtpNotConfigured_PageSaysNotificationEmailIsOff()
    {
        var (_, client, service) = await OwnerWithServiceAsync();

        var html = await client.GetStringAsync($"/services/{service.Key}/notifications");

        Assert.Contains("Notifications:Smtp", html, StringComparison.Ordinal);
        Assert.Contains("通知メールを送らない設定です", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_SmtpNotConfigured_SaysNotificationEmailIsOff()
    {
        var admin = await app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey);

        var html = await admin.GetStringAsync("/admin");

        Assert.Contains("通知メールは無効です。Notifications:Smtp:Host が設定されていない", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddWebhook_PublicHttpsAddress_ShowsTheSecretOnceAndStoresItProtected()
    {
        var (_, client, service) = await OwnerWithServiceAsync();
        var page = $"/services/{service.Key}/webhooks";

        using var response = await PostAsync(client, page, [new("WebhookUrl", "https://hooks.example.jp/shishin"), new("Kinds", "IncidentOpened")], "ja");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var secret = SecretPattern().Match(await response.Content.ReadAsStringAsync()).Value;
        Assert.Matches("^whsec_[A-Za-z0-9_-]{43}$", secret);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var hook = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationWebhooks.AsNoTracking().SingleAsync(w => w.ServiceId == service.Id);
            Assert.DoesNotContain(secret, hook.ProtectedSecret, StringComparison.Ordinal);
            Assert.Equal(secret, scope.ServiceProvider.GetRequiredService<WebhookSecrets>().Unprotect(hook.ProtectedSecret));
            Assert.Equal("https://hooks.example.jp/shishin", hook.Url);
            var audit = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().AuditEvents.AsNoTracking()
                .Where(e => e.EntityId == hook.Id.ToString()).Select(e => e.After).SingleAsync();
            Assert.DoesNotContain(hook.ProtectedSecret, audit!, StringComparison.Ordinal);
        }

        var again = await client.GetStringAsync(page);
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Contains(secret[..10], again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("ftp://example.jp/")]
    [InlineData("not an address")]
    public async Task AddWebhook_AddressNotAllowed_ShowsTheFieldMessageAndStoresNothing(string url)
    {
        var (_, client, service) = await OwnerWithServiceAsync();

        using var response = await PostAsync(client, $"/services/{service.Key}/webhooks", [new("WebhookUrl", url), new("Kinds", "IncidentOpened")], "en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains("WebhookUrl-error", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationWebhooks.AnyAsync(w => w.ServiceId == service.Id));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, List<KeyValuePair<string, string>> form, string language)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        form.Add(new("__RequestVerificationToken", token));
        using var request = new HttpRequestMessage(HttpMethod.Post, page) { Content = new FormUrlEncodedContent(form) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    private async Task<(ShishinUser User, HttpClient Client, Service Service)> OwnerWithServiceAsync()
    {
        var email = $"notify-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
        db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = chiyoda });
        await db.SaveChangesAsync();
        var service = await AssessmentSamples.ServiceAsync(db, "notify-" + Guid.NewGuid().ToString("N")[..8], chiyoda, isPublic: false);
        return (user, await app.SignInAsync(email), service);
    }

    [GeneratedRegex("whsec_[A-Za-z0-9_-]{43}")]
    private static partial Regex SecretPattern();
}

public sealed class NotificationPagesTests_Sqlite(SqliteAppFactory app) : NotificationPagesTests(app), IClassFixture<SqliteAppFactory>;

public sealed class NotificationPagesTests_Postgres(PostgresAppFactory app) : NotificationPagesTests(app), IClassFixture<PostgresAppFactory>;
