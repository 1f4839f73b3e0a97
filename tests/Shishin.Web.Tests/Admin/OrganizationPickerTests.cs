using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;
using Shishin.Web.Tests.Catalog;

namespace Shishin.Web.Tests.Admin;

/// <summary>The organisation picker of the invite and user forms (Pages/Admin/Users/_AccessFields.cshtml).</summary>
public abstract class OrganizationPickerTests(ShishinAppFactory app)
{
    private static readonly ConcurrentDictionary<ShishinAppFactory, Lazy<Task<HttpClient>>> Admins = new();

    private Task<HttpClient> AdminAsync() => Admins.GetOrAdd(app, _ => new Lazy<Task<HttpClient>>(async () =>
    {
        var email = $"picker-admin-{Guid.NewGuid():N}@example.jp";
        var (_, key) = await app.CreateUserAsync(email, [Roles.Admin], twoFactor: true);
        return await app.SignInAsync(email, key);
    })).Value;

    [Fact]
    public async Task InviteForm_Organisations_AreCheckboxesGroupedByKindInALabelledRegion()
    {
        var admin = await AdminAsync();
        int count;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            count = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Organizations.CountAsync();
        }

        var html = await admin.GetStringAsync("/admin/users/invite");

        Assert.DoesNotContain("multiple", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ctrl", html, StringComparison.Ordinal);
        Assert.Equal(count, Regex.Count(html, "<input type=\"checkbox\" id=\"organization-[0-9a-f]{32}\" name=\"Access.OrganizationIds\""));
        Assert.Contains("<fieldset class=\"fieldset organization-picker\" id=\"Access_OrganizationIds\"", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"organization-picker__list\" id=\"organization-picker-list\" role=\"region\" aria-labelledby=\"Access_OrganizationIds-legend\" tabindex=\"0\">", html, StringComparison.Ordinal);
        Assert.Equal(
            ["東京都", "局", "区市町村"],
            Regex.Matches(html, "<fieldset class=\"organization-picker__group\" data-organization-group>\\s*<legend>([^<]+)</legend>").Select(m => m.Groups[1].Value).Take(3));
        // The filter box is shown by the script; without it every checkbox is there and nothing is hidden.
        Assert.Contains("<div class=\"form-field organization-picker__filter\" data-organization-filter hidden>", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/js/organization-picker.js\\?v=[^\"]+\" defer></script>", html);
        Assert.True(html.IndexOf("政策企画局", StringComparison.Ordinal) < html.IndexOf("総務局", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invite_TwoOrganisationsTicked_SavesBothAndTheEditFormShowsThemTicked()
    {
        // Arrange
        var admin = await AdminAsync();
        Guid shibuya, hachioji;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            shibuya = (await db.Organizations.SingleAsync(o => o.Key == "shibuya")).Id;
            hachioji = (await db.Organizations.SingleAsync(o => o.Key == "hachioji")).Id;
        }

        var email = $"picked-{Guid.NewGuid():N}@example.jp";

        // Act: what a browser posts for two ticked checkboxes
        var response = await admin.PostFieldsAsync("/admin/users/invite",
        [
            new("Input.DisplayName", "選ばれた 人"), new("Input.Email", email), new("Access.Roles", Roles.ServiceOwner),
            new("Access.OrganizationIds", shibuya.ToString()), new("Access.OrganizationIds", hachioji.ToString()),
        ]);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Guid userId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
            var saved = await db.UserOrganizations.Where(m => m.UserId == userId).Select(m => m.OrganizationId).ToListAsync();
            Assert.Equal(new[] { shibuya, hachioji }.Order(), saved.Order());
        }

        var edit = await admin.GetStringAsync($"/admin/users/{userId}");
        Assert.Equal(2, Regex.Count(edit, "name=\"Access.OrganizationIds\" value=\"[0-9a-f-]{36}\" checked=\"checked\""));
        Assert.Contains($"value=\"{shibuya}\" checked=\"checked\"", edit, StringComparison.Ordinal);
        Assert.Contains($"value=\"{hachioji}\" checked=\"checked\"", edit, StringComparison.Ordinal);
    }
}

public sealed class OrganizationPickerTests_Sqlite(SqliteAppFactory app) : OrganizationPickerTests(app), IClassFixture<SqliteAppFactory>;

public sealed class OrganizationPickerTests_Postgres(PostgresAppFactory app) : OrganizationPickerTests(app), IClassFixture<PostgresAppFactory>;
