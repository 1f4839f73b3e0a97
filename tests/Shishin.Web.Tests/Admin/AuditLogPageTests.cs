using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Admin;

/// <summary>The audit log read by people (issue 11, point 14): words, not type names, JSON or UTC.</summary>
public abstract partial class AuditLogPageTests(ShishinAppFactory app)
{
    private static readonly ConcurrentDictionary<ShishinAppFactory, Lazy<Task<HttpClient>>> Admins = new();

    // One admin of this class's own, signed in once: the setup admin's TOTP steps are shared with other classes.
    private Task<HttpClient> AdminAsync() => Admins.GetOrAdd(app, _ => new Lazy<Task<HttpClient>>(async () =>
    {
        var email = $"audit-admin-{Guid.NewGuid():N}@example.jp";
        var (_, key) = await app.CreateUserAsync(email, [Roles.Admin], twoFactor: true);
        return await app.SignInAsync(email, key);
    })).Value;

    [Fact]
    public async Task AuditPage_OrganisationEdited_ShowsTypeAndFieldsInWordsWithEnumNames()
    {
        // Arrange: a partner renamed and made a bureau
        var admin = await AdminAsync();
        var key = "audit-" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostFormAsync("/admin/organizations/new", new()
        {
            ["Input.Key"] = key, ["Input.Kind"] = "Partner", ["Input.NameJa"] = "監査株式会社", ["Input.NameEn"] = "Audit Ltd.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Organizations.SingleAsync(o => o.Key == key)).Id;
        }

        var edited = await admin.PostFormAsync($"/admin/organizations/{id}/edit", new()
        {
            ["Input.Key"] = key, ["Input.Kind"] = "Bureau", ["Input.NameJa"] = "監査局", ["Input.NameEn"] = "Audit Ltd.",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        // Act
        var html = await admin.GetStringAsync($"/admin/audit?Filter.EntityId={id}");

        // Assert
        Assert.Contains("<td class=\"audit-table__entity\">組織 <span class=\"muted audit-table__id\">", html, StringComparison.Ordinal);
        Assert.Matches(Row("名称（日本語）", "監査株式会社", "監査局"), html);
        Assert.Matches(Row("種類", "パートナー", "局"), html);
        Assert.Contains("<code class=\"audit-code\">Organization.updated</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Kind\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_RoleAssignment_IsNamedInWordsInTheListAndTheFilter()
    {
        var admin = await AdminAsync();

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?Filter.EntityType=IdentityUserRole%601"));

        Assert.Contains("<option selected=\"selected\" value=\"IdentityUserRole`1\">役割の割り当て</option>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"audit-table__entity\">役割の割り当て <span class=\"muted audit-table__id\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>IdentityUserRole`1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_NothingMatches_SaysSoInsteadOfAnEmptyTable()
    {
        var admin = await AdminAsync();

        var html = await admin.GetStringAsync("/admin/audit?Filter.Actor=nobody-" + Guid.NewGuid().ToString("N"));

        Assert.Contains("<p class=\"audit-empty\" role=\"status\">該当する記録はありません。</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("audit-table", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Filter.From", "2026-13-45", "開始日")]
    [InlineData("Filter.To", "yesterday", "終了日")]
    public async Task AuditPage_UnreadableDate_NamesTheFieldAndTheFormat(string field, string value, string label)
    {
        var admin = await AdminAsync();

        var response = await admin.GetAsync($"/admin/audit?{field}={value}");
        var html = await response.Content.ReadAsStringAsync();
        var export = await admin.GetAsync($"/admin/audit/export?{field}={value}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = field.Replace('.', '_');
        Assert.Contains($"<p class=\"field-error\" id=\"{id}-error\">{label}は YYYY-MM-DD の形式（例：2026-04-01）で入力してください。</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("audit-table", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.Equal($"/admin/audit?{field}={value}", export.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AuditCsv_Times_AreJapanTimeLikeThePage()
    {
        // Arrange: the newest event, as the page shows it
        var admin = await AdminAsync();
        AuditEvent newest;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            newest = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync();
        }

        var filter = $"Filter.EntityType={Uri.EscapeDataString(newest.EntityType)}&Filter.EntityId={Uri.EscapeDataString(newest.EntityId ?? "")}";
        var page = await admin.GetStringAsync("/admin/audit?" + filter);

        // Act
        var csv = (await admin.GetStringAsync("/admin/audit/export?" + filter)).TrimStart('\uFEFF').Replace("\r", "", StringComparison.Ordinal).Split('\n');

        // Assert
        var shown = TimePattern().Match(page).Groups[1].Value;
        var tokyo = Shishin.Core.JapanTime.FromUtc(newest.OccurredAt);
        Assert.Equal(tokyo.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), shown);
        Assert.Equal("日時（日本時間）", csv[0].Split(',')[1]);
        var row = csv.Single(l => l.StartsWith(newest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal));
        Assert.Equal(shown, row.Split(',')[1]);
    }

    [Fact]
    public async Task SignIn_Password_IsAuditedUnderTheUserWhoSignedIn()
    {
        var email = $"signs-in-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await app.CreateUserAsync(email, [Roles.ServiceOwner]);

        await app.SignInAsync(email);

        var signedIn = await SignInEventAsync(user.Id);
        Assert.Equal(user.Id, signedIn.ActorId);
        Assert.Equal(email, signedIn.ActorName);
    }

    [Fact]
    public async Task SignIn_WithSecondFactor_IsAuditedUnderTheUserWhoSignedIn()
    {
        var email = $"signs-in-2fa-{Guid.NewGuid():N}@example.jp";
        var (user, key) = await app.CreateUserAsync(email, [Roles.Admin], twoFactor: true);

        await app.SignInAsync(email, key);

        var signedIn = await SignInEventAsync(user.Id);
        Assert.Equal(user.Id, signedIn.ActorId);
        Assert.Equal(email, signedIn.ActorName);
    }

    private async Task<AuditEvent> SignInEventAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Action == "account.signed-in" && e.EntityId == userId.ToString());
    }

    // A row of the before/after list: the field's name in words, then the two values.
    private static Regex Row(string field, string before, string after) =>
        new($"<th scope=\"row\">{Regex.Escape(field)}</th>\\s*<td>{Regex.Escape(before)}</td>\\s*<td>{Regex.Escape(after)}</td>");

    [GeneratedRegex("<td class=\"audit-table__time\"><time datetime=\"[^\"]+\">([^<]+)</time></td>")]
    private static partial Regex TimePattern();
}

public sealed class AuditLogPageTests_Sqlite(SqliteAppFactory app) : AuditLogPageTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AuditLogPageTests_Postgres(PostgresAppFactory app) : AuditLogPageTests(app), IClassFixture<PostgresAppFactory>;
