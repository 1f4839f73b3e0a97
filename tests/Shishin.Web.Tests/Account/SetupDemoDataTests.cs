using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Account;

/// <summary>The setup page's unticked "add demo data" checkbox, on a fresh instance of each provider.</summary>
public abstract partial class SetupDemoDataTests(TestProvider provider)
{
    private async Task WithNewInstanceAsync(Func<NewInstanceFactory, Task> test)
    {
        var instance = new NewInstanceFactory(provider);
        try
        {
            await instance.InitializeAsync();
            await test(instance);
        }
        finally
        {
            await ((IAsyncLifetime)instance).DisposeAsync();
        }
    }

    private static Dictionary<string, string> Form(bool withDemoData)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "都庁 管理者",
            ["Input.Email"] = "root@example.jp",
            ["Input.Password"] = ShishinAppFactory.Password,
            ["Input.ConfirmPassword"] = ShishinAppFactory.Password,
        };
        if (withDemoData)
        {
            form["WithDemoData"] = "true";
        }

        return form;
    }

    [Fact]
    public Task Setup_DemoDataTicked_AddsDemoDataAndShowsTheDemoPasswordsOnceInTheResponse() => WithNewInstanceAsync(async instance =>
    {
        // Arrange: the form offers the checkbox unticked
        var client = instance.NewClient().From("127.0.0.1");
        var page = await client.GetStringAsync("/setup");
        Assert.Matches(CheckboxPattern(), page);
        Assert.DoesNotMatch(CheckedCheckboxPattern(), page);
        Assert.Contains("デモデータを入れる（30件以上のデモサービス、評価、対応事項、各ロールのデモユーザー）", page, StringComparison.Ordinal);

        // Act
        var response = await client.PostFormAsync("/setup", Form(withDemoData: true));

        // Assert: the passwords come in this response, which no cache keeps, and they work
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("初期設定が完了しました。", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/manage/two-factor\"", html, StringComparison.Ordinal);
        var shown = DemoRowPattern().Matches(html).Select(m => (Email: m.Groups[1].Value, Password: m.Groups[2].Value)).ToList();
        Assert.Equal(6, shown.Count);
        await using var scope = instance.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
        foreach (var (email, password) in shown)
        {
            var user = await users.FindByEmailAsync(email);
            Assert.True(user is { IsDemo: true } && await users.CheckPasswordAsync(user, password), email);
        }

        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        Assert.InRange(await db.Services.CountAsync(s => s.IsDemo && s.IsPublic), 30, int.MaxValue);
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("root@example.jp"))!, Roles.Admin));

        // The setup page is gone afterwards; the passwords are not shown again anywhere
        var again = await instance.NewClient().From("127.0.0.1").GetAsync("/setup");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    });

    [Fact]
    public Task Setup_DemoDataNotTicked_GoesOnToTwoStepVerificationWithoutDemoData() => WithNewInstanceAsync(async instance =>
    {
        var client = instance.NewClient().From("127.0.0.1");

        var response = await client.PostFormAsync("/setup", Form(withDemoData: false));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/manage/two-factor", response.Headers.Location?.OriginalString);
        await using var scope = instance.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        Assert.False(await db.Services.AnyAsync());
        Assert.False(await db.Users.AnyAsync(u => u.IsDemo));
    });

    [GeneratedRegex("<input type=\"checkbox\" id=\"WithDemoData\" name=\"WithDemoData\" value=\"true\"")]
    private static partial Regex CheckboxPattern();

    [GeneratedRegex("<input[^>]*id=\"WithDemoData\"[^>]*checked")]
    private static partial Regex CheckedCheckboxPattern();

    [GeneratedRegex("<tr><td>([^<]+@demo\\.shishin\\.example)</td><td>[^<]+</td><td><code>([^<]+)</code></td></tr>")]
    private static partial Regex DemoRowPattern();
}

public sealed class SetupDemoDataTests_Sqlite() : SetupDemoDataTests(TestProvider.Sqlite);

public sealed class SetupDemoDataTests_Postgres() : SetupDemoDataTests(TestProvider.Postgres);
