using System.Net;
using System.Net.Http.Headers;
using Shishin.Tests;

namespace Shishin.Web.Tests.Security;

public abstract class BadInputTests(ShishinAppFactory app)
{
    [Fact]
    public async Task SignIn_EmptyFields_ShowFieldMessagesInJapaneseByDefault()
    {
        var client = app.NewClient();

        var response = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"Input_Email-error\">メールアドレスを入力してください。</p>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Email-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Email\">メールアドレスを入力してください。</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EmptyFieldsInEnglish_ShowFieldMessagesInEnglish()
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));

        var response = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Enter an email address.", html, StringComparison.Ordinal);
        Assert.Contains("Enter a password.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureCookie_ChosenLanguage_WinsOverAcceptLanguage()
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ja"));

        var switched = await client.PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = "/organizations" }, "/");
        var page = await client.GetStringAsync("/organizations");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/organizations", switched.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("Chiyoda City", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("xx")]
    [InlineData("!!!")]
    public async Task UnknownCulture_FromHeaderOrCookie_FallsBackToJapanese(string culture)
    {
        var client = app.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept-Language", culture);
        request.Headers.TryAddWithoutValidation("Cookie", $".AspNetCore.Culture=c={culture}|uic={culture}");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"ja\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_ExternalReturnUrl_RedirectsHomeInstead()
    {
        var client = app.NewClient();

        var response = await client.PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = "//evil.example/" }, "/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task OversizedBody_Anywhere_Gets413WithoutA500()
    {
        var client = app.NewClient();
        var big = new string('x', 70_000);

        var page = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent([new("Input.Email", big)]));
        var api = await client.PostAsync("/api/v1/organizations", new StringContent(big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Contains("送信されたデータが大きすぎます", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejectedWithoutA500()
    {
        var client = app.NewClient();

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent([new("Input.Email", "a@example.jp"), new("Input.Password", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/organizations/%01%02")]
    [InlineData("/organizations/" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("/admin/users/not-a-guid")]
    [InlineData("/errors/99999")]
    [InlineData("/api/v1/organizations/%E2%80%AE")]
    [InlineData("/account/invitation/%2e%2e%2f%2e%2e")]
    [InlineData("/no/such/page")]
    public async Task Nonsense_Paths_GetA404PageOrProblemNeverA500(string path)
    {
        var client = app.NewClient();

        var response = await client.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task ApiNotFound_IsProblemDetails()
    {
        var response = await app.NewClient().GetAsync("/api/v1/organizations/no-such-organisation");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationForm_BadCodeAndKey_ShowFieldMessages()
    {
        var admin = await app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey);

        var response = await admin.PostFormAsync("/admin/organizations/new", new()
        {
            ["Input.Key"] = "Bad Key!",
            ["Input.Kind"] = "Spaceship",
            ["Input.NameJa"] = "",
            ["Input.NameEn"] = "Example",
            ["Input.LocalGovernmentCode"] = "131017",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("英小文字・数字・ハイフンで2〜64文字にしてください", html, StringComparison.Ordinal);
        Assert.Contains("日本語の名称を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("入力された値が正しくありません。", html, StringComparison.Ordinal);
        Assert.Contains("このコードの検査数字が正しくありません。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditFilter_BadDates_ShowFieldMessages()
    {
        var admin = await app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey);

        var reversed = await admin.GetAsync("/admin/audit?Filter.From=2026-05-02&Filter.To=2026-05-01");
        var garbage = await admin.GetAsync("/admin/audit?Filter.From=yesterday&pageNumber=-5");

        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        Assert.Contains("終了日は開始日以降の日付にしてください。", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Contains("は YYYY-MM-DD の形式（例：2026-04-01）で入力してください。", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class BadInputTests_Sqlite(SqliteAppFactory app) : BadInputTests(app), IClassFixture<SqliteAppFactory>;

public sealed class BadInputTests_Postgres(PostgresAppFactory app) : BadInputTests(app), IClassFixture<PostgresAppFactory>;
