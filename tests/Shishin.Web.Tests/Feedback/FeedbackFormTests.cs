using System.Net;
using Shishin.Core.CitizenFeedback;
using Shishin.Tests;

namespace Shishin.Web.Tests.Feedback;

/// <summary>The hosted form and its POST, which also takes a plain HTML form on the service's own page: no JavaScript, no token.</summary>
public abstract class FeedbackFormTests(ShishinAppFactory app)
{
    private readonly IntakeSamples samples = new(app);

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, FormUrlEncodedContent form, string? origin = null, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/feedback/{key}") { Content = form };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (language is not null)
        {
            request.Headers.Add("Accept-Language", language);
        }

        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("ja", "このサービスにどのくらい満足していますか？", "わかりやすかった")]
    [InlineData("en", "How satisfied are you with this service?", "Easy to understand")]
    public async Task Get_Form_ShowsLabelledGroupsInTheVisitorsLanguage(string language, string legend, string reason)
    {
        var (_, key) = await samples.ServiceAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/feedback/{key}?pagePath=%2Fapply&returnUrl=https%3A%2F%2Fwww.example.jp%2Fdone");
        request.Headers.Add("Accept-Language", language);

        var response = await samples.Client().SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<legend>{legend}</legend>", html, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"reasons-easy-to-understand\">{reason}</label>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"https://www.example.jp/done\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"pagePath\" value=\"/apply\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken\" type=\"hidden\"", html[html.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FromTheServicesOwnPage_Answers303ToTheThanksPageWhichLinksBackAndStores()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var client = samples.Client();

        var response = await PostAsync(client, key,
            Form(("rating", "2"), ("taskCompleted", "no"), ("reasons", "hard-to-find"), ("reasons", "error-occurred"), ("comment", "Form without JS"),
                ("language", "ja"), ("pagePath", "/apply"), ("returnUrl", "https://www.example.jp/thanks?from=feedback&step=2")),
            origin: IntakeSamples.Origin);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var thanks = response.Headers.Location!.OriginalString;
        Assert.Equal($"/feedback/{key}/thanks?returnUrl=https%3A%2F%2Fwww.example.jp%2Fthanks%3Ffrom%3Dfeedback%26step%3D2", thanks);
        var stored = Assert.Single(await samples.StoredAsync(serviceId));
        Assert.Equal((2, FeedbackTaskCompletion.No, "hard-to-find error-occurred", "Form without JS", "/apply", FeedbackSource.Form),
            (stored.Rating, stored.TaskCompleted, stored.Reasons, stored.Comment, stored.PagePath, stored.Source));

        var page = await ThanksAsync(client, thanks, "ja");
        Assert.Contains("<h1>ご意見ありがとうございました</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.example.jp/thanks?from=feedback&amp;step=2\">元のページに戻る</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/services/{key}/you-said-we-did\">ご意見を受けて改善したこと（いただいた声と改善）</a>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/services/{key}/you-said-we-did")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://www.example.jp.evil.example/")]
    [InlineData("")]
    public async Task Post_ReturnUrlNotRegistered_Answers303ToTheThanksPageWithoutALinkBack(string returnUrl)
    {
        var (_, key) = await samples.ServiceAsync();
        var client = samples.Client();

        var response = await PostAsync(client, key, Form(("rating", "5"), ("taskCompleted", "yes"), ("returnUrl", returnUrl)), language: "en");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/feedback/{key}/thanks", response.Headers.Location!.OriginalString);
        // Nor does the thank-you page link to it when the address is made by hand.
        var page = await ThanksAsync(client, $"/feedback/{key}/thanks?returnUrl={Uri.EscapeDataString(returnUrl)}", "en");
        Assert.DoesNotContain("Back to the page you came from", page, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/services/{key}/you-said-we-did\">What the team changed in answer to feedback (you said, we did)</a>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://forms.example.org:8443/survey/done", "https://forms.example.org:8443/survey/done")]
    [InlineData("/demo-site/feedback.html", "/demo-site/feedback.html")]
    public async Task Get_ThanksWithAnExtraOriginOrALocalReturnUrl_LinksBack(string returnUrl, string href)
    {
        var (_, key) = await samples.ServiceAsync();

        var page = await ThanksAsync(samples.Client(), $"/feedback/{key}/thanks?returnUrl={Uri.EscapeDataString(returnUrl)}", "en");

        Assert.Contains($"<a href=\"{href}\">Back to the page you came from</a>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feedback.html")]
    [InlineData("feedback-en.html")]
    public async Task DemoPage_WithTheWidget_LinksToTheFormFromNoscriptAndBackToItself(string page)
    {
        var html = await samples.Client().GetStringAsync($"/demo-site/{page}");

        var noscript = html[html.IndexOf("<noscript>", StringComparison.Ordinal)..html.IndexOf("</noscript>", StringComparison.Ordinal)];
        Assert.Contains(
            $"<a href=\"/feedback/demo-procedure-portal?pagePath=%2Fdemo-site%2F{page}&amp;returnUrl=%2Fdemo-site%2F{page}\">", noscript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BadFields_ShowsTheFormWithAMessageAtEachFieldAndKeepsTheInput()
    {
        var (serviceId, key) = await samples.ServiceAsync();

        var response = await PostAsync(samples.Client(), key,
            Form(("rating", "nine"), ("reasons", "nope"), ("comment", "kept <b>text</b>")), language: "en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"rating-error\">Choose a rating from 1 to 5.</p>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"taskCompleted-error\">Say whether you could do what you came to do: yes, partly or no.</p>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"reasons-error\">Choose reasons from the list.</p>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#rating\"", html, StringComparison.Ordinal);
        Assert.Contains("kept &lt;b&gt;text&lt;/b&gt;</textarea>", html, StringComparison.Ordinal);
        Assert.Empty(await samples.StoredAsync(serviceId));
    }

    [Fact]
    public async Task Post_FromAnotherOrigin_Answers403AndStoresNothing()
    {
        var (serviceId, key) = await samples.ServiceAsync();

        var response = await PostAsync(samples.Client(), key, Form(("rating", "5"), ("taskCompleted", "yes")), origin: "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await samples.StoredAsync(serviceId));
    }

    [Fact]
    public async Task Post_HoneypotFilled_RedirectsLikeASubmissionButStoresNothing()
    {
        var (serviceId, key) = await samples.ServiceAsync();

        var response = await PostAsync(samples.Client(), key, Form(("rating", "5"), ("taskCompleted", "yes"), ("website", "http://spam.example")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/feedback/{key}/thanks", response.Headers.Location!.OriginalString);
        Assert.Empty(await samples.StoredAsync(serviceId));
    }

    private static async Task<string> ThanksAsync(HttpClient client, string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Language", language);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return html[html.IndexOf("<main", StringComparison.Ordinal)..];
    }

    [Fact]
    public async Task Get_InternalOrDisabledService_Answers404()
    {
        var (_, internalKey) = await samples.ServiceAsync(isPublic: false);
        var (_, disabledKey) = await samples.ServiceAsync(enabled: false);
        var client = samples.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/feedback/{internalKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/feedback/{disabledKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, disabledKey, Form(("rating", "5"), ("taskCompleted", "yes")))).StatusCode);
    }
}

public sealed class FeedbackFormTests_Sqlite(SqliteAppFactory app) : FeedbackFormTests(app), IClassFixture<SqliteAppFactory>;

public sealed class FeedbackFormTests_Postgres(PostgresAppFactory app) : FeedbackFormTests(app), IClassFixture<PostgresAppFactory>;
