using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Identity;
using Shishin.Tests;
using Shishin.Web.Infrastructure;
using static Shishin.Web.Tests.Catalog.CatalogPages;

namespace Shishin.Web.Tests.Infrastructure;

/// <summary>
/// Switching language on a form that showed errors re-submits the form: what was typed stays, the errors come back in
/// the new language, and nothing is saved. The browser test drives the same through the header button.
/// </summary>
public abstract class LanguageSwitchTests(ShishinAppFactory app)
{
    [Fact]
    public async Task LanguageSwitch_ProposalFormWithErrors_KeepsTheTextAndShowsTheErrorsInEnglish()
    {
        // Arrange: a new-checkpoint proposal with a title but no summary, sent once in Japanese
        var admin = await ReviewerAsync();
        List<KeyValuePair<string, string>> fields =
        [
            new("Input.Kind", "New"),
            new("Input.Owner", "UX"),
            new("Input.TitleJa", "入力を保つ言語切替"),
            new("Input.TitleEn", "A language switch that keeps the input"),
        ];
        var japanese = await (await admin.PostFieldsAsync("/proposals/new?owner=UX", fields)).Content.ReadAsStringAsync();
        Assert.Contains("提案の内容を1行で書いてください。", japanese, StringComparison.Ordinal);
        Assert.Contains("form=\"language-kept-form\" formaction=\"/proposals/new?owner=UX&amp;__language=en&amp;__errors=1\"", japanese, StringComparison.Ordinal);
        var before = (await WithCatalogAsync(app, c => c.GetCurrentAsync()))!.Label;

        // Act: the header button submits the same form with the new language
        var response = await admin.PostFieldsAsync("/proposals/new?owner=UX&__language=en&__errors=1", fields, "/proposals/new?owner=UX");

        // Assert
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Say in one line what you propose.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"入力を保つ言語切替\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"A language switch that keeps the input\"", html, StringComparison.Ordinal);
        Assert.Contains("formaction=\"/proposals/new?owner=UX&amp;__language=ja&amp;__errors=1\"", html, StringComparison.Ordinal);
        Assert.Contains(".AspNetCore.Culture=c%3Den%7Cuic%3Den", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal(before, (await WithCatalogAsync(app, c => c.GetCurrentAsync()))!.Label);
    }

    [Fact]
    public async Task LanguageSwitch_CompleteFormNotYetSent_ShowsItAgainWithoutSendingOrErrors()
    {
        // Arrange: a complete proposal, but the person switches language before sending it
        var admin = await ReviewerAsync();
        var mine = await admin.GetStringAsync("/proposals/mine");
        List<KeyValuePair<string, string>> fields =
        [
            new("Input.Kind", "Change"),
            new("Input.CheckpointId", "P3-01"),
            new("Input.Summary", "言語を切り替えても送信されない"),
            new("Input.TitleEn", "Switching language never sends the proposal"),
            new("Input.Rationale", "Only the send button sends."),
        ];

        // Act
        var response = await admin.PostFieldsAsync("/proposals/new?checkpoint=P3-01&__language=en", fields, "/proposals/new?checkpoint=P3-01");

        // Assert: the form comes back in English with the text, no errors, and no proposal was made
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"言語を切り替えても送信されない\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("error-summary", html, StringComparison.Ordinal);
        Assert.Equal(mine.Split("<tr").Length, (await admin.GetStringAsync("/proposals/mine")).Split("<tr").Length);
    }

    [Fact]
    public async Task LanguageSwitch_PageWithoutAKeptForm_NeverRunsTheHandler()
    {
        // Arrange: an organisation form is not kept on a switch; a complete form must still not be saved by it
        var admin = await AdminAsync(app);
        var key = $"switch-{Guid.NewGuid():N}"[..20];

        // Act
        var response = await admin.PostFieldsAsync("/admin/organizations/new?__language=en",
            [new("Input.Key", key), new("Input.Kind", "Partner"), new("Input.NameJa", "切替株式会社"), new("Input.NameEn", "Switch Ltd")],
            "/admin/organizations/new");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/organizations/new", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/organizations/{key}")).StatusCode);
    }

    // A session of its own: a switch is remembered in the session's cookie, which would change the language of other tests.
    private async Task<HttpClient> ReviewerAsync()
    {
        var email = $"switch-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Roles.Reviewer]);
        return await app.SignInAsync(email);
    }
}

public sealed class LanguageSwitchTests_Sqlite(SqliteAppFactory app) : LanguageSwitchTests(app), IClassFixture<SqliteAppFactory>;

public sealed class LanguageSwitchTests_Postgres(PostgresAppFactory app) : LanguageSwitchTests(app), IClassFixture<PostgresAppFactory>;

/// <summary>The setup form keeps its input across a language switch too (a password is never sent back).</summary>
public abstract class SetupLanguageSwitchTests(NewInstanceFactory app)
{
    [Fact]
    public async Task LanguageSwitch_SetupWithErrors_KeepsNameAndEmailAndCreatesNoAccount()
    {
        // Arrange
        var client = app.NewClient();
        var token = app.Services.GetRequiredService<SetupState>().Token;
        var fields = new Dictionary<string, string> { ["token"] = token, ["Input.DisplayName"] = "最初の 管理者", ["Input.Email"] = "first@example.jp", ["Input.Password"] = "short" };
        var japanese = await (await client.PostFormAsync("/setup", fields, $"/setup?token={token}")).Content.ReadAsStringAsync();
        Assert.Contains("パスワードは12文字以上にしてください。", japanese, StringComparison.Ordinal);
        Assert.Contains("formaction=\"/setup?__language=en&amp;__errors=1\"", japanese, StringComparison.Ordinal);

        // Act
        var response = await client.PostFormAsync("/setup?__language=en&__errors=1", fields, $"/setup?token={token}");

        // Assert
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Use at least 12 characters for the password.", html, StringComparison.Ordinal);
        Assert.Contains("Enter the password again.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"最初の 管理者\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"first@example.jp\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"short\"", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>().FindByEmailAsync("first@example.jp"));
    }
}

public sealed class SetupLanguageSwitchTests_Sqlite(SqliteNewInstanceFactory app) : SetupLanguageSwitchTests(app), IClassFixture<SqliteNewInstanceFactory>;

public sealed class SetupLanguageSwitchTests_Postgres(PostgresNewInstanceFactory app) : SetupLanguageSwitchTests(app), IClassFixture<PostgresNewInstanceFactory>;
