using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.BrowserTests.Accessibility;
using Shishin.BrowserTests.Infrastructure;
using Shishin.Core;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Xunit.Abstractions;

namespace Shishin.BrowserTests.Interaction;

/// <summary>
/// The feedback widget on a page of another origin (<see cref="ThirdPartySite"/>), used with the keyboard only, checked
/// by axe with its panel open, and followed into Shishin's database, the service team's inbox and the daily figures
/// (issue 15's "done when").
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class FeedbackWidgetTests(BrowserFixture fixture, ThirdPartySite site, ITestOutputHelper output) : IClassFixture<ThirdPartySite>
{
    private const string Widget = "shishin-feedback";

    // The element that has focus, looking through open shadow roots.
    private const string DeepFocus = """
        selector => {
            let active = document.activeElement;
            while (active && active.shadowRoot && active.shadowRoot.activeElement) {
                active = active.shadowRoot.activeElement;
            }
            return active !== null && active.matches(selector);
        }
        """;

    public static TheoryData<string> Languages => new() { "ja", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Widget_KeyboardOnlyOnAnotherOrigin_AnnouncesAndShowsRedactedInTheInboxAndTheDaysFigures(string language)
    {
        // Arrange: a public service whose entry URL is on the third-party origin; Japanese on a 320 px phone, English on a desktop.
        var english = language == "en";
        var key = await ServiceAsync("widget-" + language, site.Registered);
        var comment = english
            ? "The form was clear. Please write to taro.yamada@example.jp if you need more."
            : "説明がわかりやすかったです。詳しくは taro.yamada@example.jp までご連絡ください。";
        await using var session = await fixture.NewSessionAsync(language, width: english ? 1280 : 320, height: english ? 800 : 640);
        var requests = new List<string>();
        Microsoft.Playwright.IRequest? sent = null;
        session.Page.Request += (_, request) =>
        {
            requests.Add($"{request.Method} {request.Url}");
            sent = request.Method == "POST" ? request : sent;
        };
        // The English session carries Shishin's culture cookie, as a signed-in member of staff would carry theirs.
        var cookiesBefore = (await session.Context.CookiesAsync()).Select(c => $"{c.Domain} {c.Name}={c.Value}").ToList();
        await session.GotoAsync(ThirdPartySite.PageUrl(site.Registered, fixture.App.BaseAddress, key, language));
        var toggle = session.Page.Locator($"{Widget} button.tg");
        await toggle.WaitForAsync();

        // Assert: the widget speaks the page's language (the ja page is Shift_JIS: the script's own charset must win),
        // wears the site's theme colour and none of the site's hostile rules.
        Assert.Equal(english ? "Give feedback on this page" : "このページへのご意見", (await toggle.InnerTextAsync()).Trim());
        var look = await toggle.EvaluateAsync<string[]>("b => { const s = getComputedStyle(b); return [s.backgroundColor, s.fontSize, s.color]; }");
        Assert.Equal(["rgb(29, 91, 49)", "16px", "rgb(255, 255, 255)"], look);

        // Act: Tab to the button and open the panel with Enter.
        await TabToAsync(session, "button.tg");
        Assert.Equal("solid", await toggle.EvaluateAsync<string>("b => getComputedStyle(b).outlineStyle"));
        await session.Page.Keyboard.PressAsync("Enter");

        // Assert: open, announced as expanded, focus on the panel's heading, no axe violation, nothing wider than the screen.
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.True(await FocusedAsync(session, "h2#title"), "Opening the panel did not move focus to its heading.");
        await AssertAxeCleanAsync(session, "panel open", narrow: !english);

        // Act: send it empty.
        await TabToAsync(session, "button[type=submit]", limit: 30);
        await session.Page.Keyboard.PressAsync("Enter");

        // Assert: the error summary takes focus, each error sits in its group and is tied to it.
        Assert.True(await FocusedAsync(session, ".sum"), "The error summary did not take focus.");
        var ratingError = english ? "Choose how satisfied you are, from 1 to 5" : "満足度を1から5で選んでください";
        Assert.Equal(2, await session.Page.Locator($"{Widget} .sum li").CountAsync());
        Assert.Contains(ratingError, await session.Page.Locator($"{Widget} #rating-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("rating-error", await session.Page.Locator($"{Widget} fieldset#rating").GetAttributeAsync("aria-describedby"));
        Assert.Equal("taskCompleted-error", await session.Page.Locator($"{Widget} fieldset#taskCompleted").GetAttributeAsync("aria-describedby"));
        await AssertAxeCleanAsync(session, "errors shown", narrow: !english);

        // Act: follow the first error to the rating, rate 4 with the arrow keys, answer "yes" with Space, tick the first
        // reason with Space, type a comment with an e-mail address in it, and send with Enter.
        await session.Page.Keyboard.PressAsync("Tab");
        Assert.True(await FocusedAsync(session, ".sum a[href='#rating']"), "Tab from the summary did not reach its first link.");
        await session.Page.Keyboard.PressAsync("Enter");
        Assert.True(await FocusedAsync(session, "input#rating-1"), "The summary's link did not move focus to the rating.");
        for (var i = 0; i < 3; i++)
        {
            await session.Page.Keyboard.PressAsync("ArrowRight");
        }

        Assert.True(await FocusedAsync(session, "input#rating-4:checked"), "The arrow keys did not choose 4.");
        await session.Page.Keyboard.PressAsync("Tab");
        Assert.True(await FocusedAsync(session, "input#taskCompleted-yes"), "Tab from the rating did not reach the task question.");
        await session.Page.Keyboard.PressAsync("Space");
        await session.Page.Keyboard.PressAsync("Tab");
        Assert.True(await FocusedAsync(session, "input#reasons-easy-to-understand"), "Tab from the task question did not reach the first reason.");
        await session.Page.Keyboard.PressAsync("Space");
        await TabToAsync(session, "textarea#comment");
        await session.Page.Keyboard.TypeAsync(comment);
        Assert.Equal(
            english ? $"{2000 - comment.Length} characters left" : $"残り {2000 - comment.Length} 文字",
            (await session.Page.Locator($"{Widget} #comment-count").InnerTextAsync()).Trim());
        await TabToAsync(session, "button[type=submit]");
        await session.Page.Keyboard.PressAsync("Enter");

        // Assert: the polite live region says it was sent, and has focus; the form is gone.
        var status = session.Page.Locator($"{Widget} p.st");
        await session.Page.WaitForFunctionAsync(
            "() => document.querySelector('shishin-feedback').shadowRoot.querySelector('p.st, p.al:not(:empty)').textContent.length > 0");
        Assert.Equal("", (await session.Page.Locator($"{Widget} p.al").InnerTextAsync()).Trim());
        Assert.Equal(english ? "Thank you. Your feedback has been sent." : "ご意見を送信しました。ありがとうございました。", (await status.InnerTextAsync()).Trim());
        Assert.Equal("polite", await status.GetAttributeAsync("aria-live"));
        Assert.Equal("status", await status.GetAttributeAsync("role"));
        Assert.True(await FocusedAsync(session, "p.st"), "Focus did not move to the confirmation.");
        Assert.True(await session.Page.Locator($"{Widget} form").IsHiddenAsync());
        await AssertAxeCleanAsync(session, "confirmation", narrow: !english);

        // Assert: no cookie set or sent, no storage, no request to anyone but the page's own origin and Shishin's.
        Assert.Equal(cookiesBefore, (await session.Context.CookiesAsync()).Select(c => $"{c.Domain} {c.Name}={c.Value}"));
        Assert.Equal(english ? 1 : 0, cookiesBefore.Count);
        Assert.NotNull(sent);
        Assert.DoesNotContain("cookie", (await sent.AllHeadersAsync()).Keys);
        Assert.Equal(0, await session.Page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length"));
        var shishin = fixture.App.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal(
            [$"GET {shishin}/widget.js", $"POST {shishin}/api/v1/services/{key}/feedback"],
            requests.Where(r => !r.Contains(site.Registered.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)));
        session.AssertNoProblems();

        // Assert: stored once for the service as given, with the e-mail address redacted.
        var stored = await FeedbackAsync(key);
        var feedback = Assert.Single(stored);
        Assert.Equal(4, feedback.Rating);
        Assert.Equal(FeedbackTaskCompletion.Yes, feedback.TaskCompleted);
        Assert.Equal("easy-to-understand", feedback.Reasons);
        Assert.Equal(language, feedback.Language);
        Assert.Equal(ThirdPartySite.PagePath, feedback.PagePath);
        Assert.Equal(FeedbackSource.Widget, feedback.Source);
        var redacted = PersonalDataRedactor.Redact(comment).Text;
        Assert.Equal(redacted, feedback.Comment);
        Assert.DoesNotContain("taro.yamada@example.jp", feedback.Comment, StringComparison.Ordinal);

        // Act: a service owner of the service's organisation signs in and opens the inbox, then the figures.
        await using var staff = await OwnerSessionAsync(language);
        await staff.GotoAsync($"/services/{key}/feedback");

        // Assert: the submission is in the inbox, redacted, rated 4.
        var row = staff.Page.Locator("main table.data-table tbody tr");
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal(redacted, (await row.Locator("td.service-text").InnerTextAsync()).Trim());
        Assert.DoesNotContain("taro.yamada", await staff.Page.ContentAsync(), StringComparison.Ordinal);

        // Assert: and counted on its Tokyo day in the daily figures: one response, mean 4, CSAT 100%, completion 100%.
        await staff.GotoAsync($"/services/{key}/feedback/figures");
        var day = staff.Page.Locator("#feedback-daily-table tbody tr");
        Assert.Equal(1, await day.CountAsync());
        Assert.Equal(JapanTime.DateOf(new DateTimeOffset(feedback.ReceivedAt, TimeSpan.Zero)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            (await day.Locator("th").InnerTextAsync()).Trim());
        Assert.Equal(["1", "4.00"], (await day.Locator("td").AllInnerTextsAsync()).Take(2).Select(t => t.Trim()));
        Assert.Equal(["100", "100"], await day.Locator("td[data-value]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)"));
        staff.AssertNoProblems();
    }

    [Fact]
    public async Task Widget_PageOfUnregisteredOrigin_ShowsAnErrorInsteadOfAConfirmationAndEscapeCloses()
    {
        // Arrange: the service lists the registered origin only; the page comes from the other one.
        var key = await ServiceAsync("widget-cors", site.Registered);
        await using var session = await fixture.NewSessionAsync();
        await session.GotoAsync(ThirdPartySite.PageUrl(site.Unregistered, fixture.App.BaseAddress, key, "ja"));
        await session.Page.Locator($"{Widget} button.tg").WaitForAsync();

        // Act: the keyboard again: open, rate 5, answer "no", send.
        await TabToAsync(session, "button.tg");
        await session.Page.Keyboard.PressAsync("Enter");
        await session.Page.Keyboard.PressAsync("Tab");
        await session.Page.Keyboard.PressAsync("ArrowLeft");
        Assert.True(await FocusedAsync(session, "input#rating-5:checked"), "ArrowLeft from the first rating did not wrap to 5.");
        await session.Page.Keyboard.PressAsync("Tab");
        await session.Page.Keyboard.PressAsync("ArrowLeft");
        Assert.True(await FocusedAsync(session, "input#taskCompleted-no:checked"), "ArrowLeft did not choose \"no\".");
        await TabToAsync(session, "button[type=submit]", limit: 30);
        await session.Page.Keyboard.PressAsync("Enter");

        // Assert: an alert says it was not sent; no confirmation; focus stays on the button so the person can retry.
        await session.Page.WaitForFunctionAsync(
            "() => document.querySelector('shishin-feedback').shadowRoot.querySelector('p.al').textContent.length > 0");
        var alert = session.Page.Locator($"{Widget} p.al");
        Assert.Equal("alert", await alert.GetAttributeAsync("role"));
        Assert.Equal("送信できませんでした。ご意見はまだ届いていません。時間をおいてもう一度お試しください。", (await alert.InnerTextAsync()).Trim());
        Assert.Equal("", (await session.Page.Locator($"{Widget} p.st").InnerTextAsync()).Trim());
        Assert.True(await session.Page.Locator($"{Widget} form").IsVisibleAsync());
        Assert.True(await FocusedAsync(session, "button[type=submit]"), "Focus left the send button.");
        Assert.Empty(await FeedbackAsync(key));
        // The browser's only complaint is the refused request itself.
        var feedbackUrl = new Uri(fixture.App.BaseAddress, $"api/v1/services/{key}/feedback").ToString();
        Assert.All(session.Problems, p => Assert.Contains(feedbackUrl, p, StringComparison.Ordinal));
        Assert.NotEmpty(session.Problems);

        // Act: Escape from inside the panel.
        await session.Page.Keyboard.PressAsync("Escape");

        // Assert: closed, and focus is back on the button that opened it.
        Assert.True(await session.Page.Locator($"{Widget} #panel").IsHiddenAsync());
        Assert.Equal("false", await session.Page.Locator($"{Widget} button.tg").GetAttributeAsync("aria-expanded"));
        Assert.True(await FocusedAsync(session, "button.tg"), "Escape did not return focus to the widget's button.");
    }

    private async Task<string> ServiceAsync(string prefix, Uri origin)
    {
        var key = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
        var service = await Shishin.Tests.AssessmentSamples.ServiceAsync(
            db, key, chiyoda, isPublic: true, more: s => s.EntryUrls = new Uri(origin, "shop/").ToString());
        db.ServiceFeedbackSettings.Add(new ServiceFeedbackSettings { ServiceId = service.Id, Enabled = true });
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>A signed-in session of a new service owner of Chiyoda, which owns the services of these tests.</summary>
    private async Task<BrowserSession> OwnerSessionAsync(string language)
    {
        var email = $"feedback-owner-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await fixture.App.CreateUserAsync(email, [Roles.ServiceOwner]);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var chiyoda = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync("chiyoda"))!.Id;
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
            Assert.True((await accounts.SetAccessAsync((await accounts.FindAsync(user.Id))!, new UserAccess([Roles.ServiceOwner], [chiyoda]))).Succeeded);
        }

        var session = await fixture.NewSessionAsync(language);
        await session.SignInAsync(email, null);
        return session;
    }

    private async Task<List<Feedback>> FeedbackAsync(string key)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var id = await db.Services.Where(s => s.Key == key).Select(s => s.Id).SingleAsync();
        return await db.Feedback.AsNoTracking().Where(f => f.ServiceId == id).ToListAsync();
    }

    private static Task<bool> FocusedAsync(BrowserSession session, string selector) => session.Page.EvaluateAsync<bool>(DeepFocus, selector);

    private static async Task TabToAsync(BrowserSession session, string selector, int limit = 20)
    {
        for (var i = 0; i < limit; i++)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            if (await FocusedAsync(session, selector))
            {
                return;
            }
        }

        Assert.Fail($"{limit} presses of Tab did not reach {selector} in the widget.");
    }

    private async Task AssertAxeCleanAsync(BrowserSession session, string state, bool narrow)
    {
        var result = await AxeRunner.RunAsync(session.Page, AxeCheck.WcagAa);
        var layout = narrow ? await session.Page.EvaluateAsync<string>(AxeCheck.ReflowProblems) : "";
        var report = AxeCheck.Report(result, []) + (layout.Length > 0 ? "320 px: " + layout + Environment.NewLine : "");
        if (report.Length > 0)
        {
            output.WriteLine(report);
        }

        Assert.True(report.Length == 0, $"The widget ({state}) at {session.Page.Url}:{Environment.NewLine}{report}");
    }
}
