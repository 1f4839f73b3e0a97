using System.Net;
using System.Text.RegularExpressions;
using Shishin.Tests;

namespace Shishin.Web.Tests.Services;

/// <summary>The add, edit, phase and KPI pages of the register over real HTTP, as a service owner of Chiyoda City.</summary>
public abstract partial class ServiceFormTests(ShishinAppFactory app)
{
    private static Dictionary<string, string> NewServiceForm(string key, string organization) => new()
    {
        ["Input.NameJa"] = "住民票の写しの請求",
        ["Input.NameEn"] = "Certificate of residence request",
        ["Input.Key"] = key,
        ["Input.Organization"] = organization,
        ["Input.EntryUrls"] = "https://www.city.chiyoda.lg.jp/juminhyo\r\nhttps://www.city.chiyoda.lg.jp/juminhyo/en",
        ["Input.Channel"] = "web",
        ["Input.IsPublic"] = "true",
        ["Input.Phase"] = "operation",
    };

    [Fact]
    public async Task New_ServiceOwnerInOwnOrganisation_OffersOnlyItAndCreatesTheService()
    {
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");
        var key = ServiceSamples.NewKey();

        var page = await owner.GetStringAsync("/services/new");
        var response = await owner.PostFormAsync("/services/new", NewServiceForm(key, "chiyoda"));

        Assert.Contains("value=\"chiyoda\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"minato\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/services/{key}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var service = await ServiceSamples.FindAsync(app, key);
        Assert.Equal(("chiyoda", 2, Core.Services.ServicePhase.Operation), (service.OwnerOrganization!.Key, service.EntryUrlList().Count, service.Phase));
        Assert.Single(service.PhaseChanges);
    }

    [Fact]
    public async Task New_ServiceOwnerPostsAnotherOrganisation_IsRefusedWithAFieldMessage()
    {
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");
        var key = ServiceSamples.NewKey();

        var response = await owner.PostFormAsync("/services/new", NewServiceForm(key, "minato"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("サービスを追加できるのは自分の組織だけです。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await ServiceSamples.FindAsync(app, key));
    }

    [Fact]
    public async Task New_BadInput_ShowsEachFieldMessageAndSavesNothing()
    {
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");
        var key = ServiceSamples.NewKey();
        var form = NewServiceForm(key.ToUpperInvariant(), "chiyoda");
        form["Input.EntryUrls"] = "javascript:alert(1)";
        form["Input.NameEn"] = "";

        var response = await owner.PostFormAsync("/services/new", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("英語の名称を入力してください。", html, StringComparison.Ordinal);
        Form(html, "NameJa", "住民票の写しの請求");
        form.Remove("Input.NameEn");
        form["Input.NameEn"] = "Certificate";
        var second = await (await owner.PostFormAsync("/services/new", form)).Content.ReadAsStringAsync();
        Assert.Contains("半角英小文字・数字と、間に1つずつのハイフンを使ってください", second, StringComparison.Ordinal);
        Assert.Contains("http または https で始まる完全な URL", second, StringComparison.Ordinal);
        Assert.Null(await ServiceSamples.FindAsync(app, key.ToUpperInvariant()));
    }

    [Fact]
    public async Task Edit_TwoPeopleSaveFromTheSameRevision_SecondSeesWhatChangedAndLosesNothing()
    {
        var key = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var email = await ServiceSamples.OwnerEmailAsync(app, "chiyoda");
        var first = await app.SignInAsync(email);
        var second = await app.SignInAsync(email);
        var path = $"/services/{key}/edit";
        var firstForm = Fields(await first.GetStringAsync(path));
        var secondForm = Fields(await second.GetStringAsync(path));

        firstForm["Input.NameEn"] = "Bulky waste collection (changed by the first)";
        var saved = await first.PostFormAsync(path, firstForm);
        secondForm["Input.NameEn"] = "Bulky waste pick-up (changed by the second)";
        secondForm["Input.Audience"] = "区民";
        var conflict = await second.PostFormAsync(path, secondForm);
        var html = await conflict.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("この間にほかの人が変更しました。", html, StringComparison.Ordinal);
        Assert.Contains("<td>Bulky waste collection (changed by the first)</td>", html, StringComparison.Ordinal);
        Assert.Equal("Bulky waste pick-up (changed by the second)", Form(html, "NameEn"));
        Assert.Equal("区民", Form(html, "Audience"));
        Assert.Equal("Bulky waste collection (changed by the first)", (await ServiceSamples.FindAsync(app, key)).NameEn);

        // Saving again from the page as it came back applies the second person's input on purpose.
        var again = await second.PostFormAsync(path, Fields(html));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var stored = await ServiceSamples.FindAsync(app, key);
        Assert.Equal(("Bulky waste pick-up (changed by the second)", "区民", 3), (stored.NameEn, stored.Audience, stored.Revision));
    }

    [Fact]
    public async Task Phase_ChangedThenTheSameAgain_IsRecordedOnceAndTheRepeatRefused()
    {
        var key = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: true);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");
        var path = $"/services/{key}/phase";

        var page = await owner.GetStringAsync(path);
        var changed = await owner.PostFormAsync(path, new() { ["Input.Phase"] = "operation", ["Input.Note"] = "本番公開" });
        var repeated = await owner.PostFormAsync(path, new() { ["Input.Phase"] = "operation" });

        Assert.Matches(DateValue(), page);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("サービスはすでにこのフェーズです。", await repeated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var service = await ServiceSamples.FindAsync(app, key);
        Assert.Equal(Core.Services.ServicePhase.Operation, service.Phase);
        Assert.Equal(["", "本番公開"], service.PhaseChanges.OrderBy(c => c.RecordedAt).Select(c => c.Note));
    }

    [Fact]
    public async Task Kpis_YearAddedThenTooManyDigital_ShowsTakeUpAndRefusesTheBadFigure()
    {
        var key = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: true);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");
        var path = $"/services/{key}/kpis";

        var added = await owner.PostFormAsync(path, new()
        {
            ["Revision"] = "0", ["Input.FiscalYear"] = "2025", ["Input.AnnualApplications"] = "1200", ["Input.DigitalApplications"] = "300",
            ["Input.MedianCompletionMinutes"] = "12.5",
        });
        var table = await owner.GetStringAsync(path);
        var edit = Fields(await owner.GetStringAsync(path + "?year=2025"));
        edit["Input.DigitalApplications"] = "1300";
        var refused = await owner.PostFormAsync(path, edit);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("25.0%", table, StringComparison.Ordinal);
        Assert.Equal("1", edit["Revision"]);
        Assert.Contains("デジタル申請件数は年間申請件数より多くできません。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(300, (await ServiceSamples.FindAsync(app, key)).Kpis.Single().DigitalApplications);
    }

    [Fact]
    public async Task Pages_ServiceOfAnotherOrganisation_HiddenIs404AndPublicIs403()
    {
        var hidden = await ServiceSamples.CreateAsync(app, "minato", isPublic: false);
        var visible = await ServiceSamples.CreateAsync(app, "minato", isPublic: true);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        foreach (var page in new[] { "edit", "phase", "kpis" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/services/{hidden}/{page}")).StatusCode);
            var forbidden = await owner.GetAsync($"/services/{visible}/{page}");
            Assert.Contains("/errors/403", forbidden.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
    }

    /// <summary>The fields of the page's main form (text inputs, checked boxes, selected options, textareas), as a browser would send them.</summary>
    private static Dictionary<string, string> Fields(string html)
    {
        var main = html[html.IndexOf("<form class=\"form\" method=\"post\"", StringComparison.Ordinal)..];
        main = main[..main.IndexOf("</form>", StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputPattern().Matches(main))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null || name == "__RequestVerificationToken" || (tag.Contains("type=\"checkbox\"", StringComparison.Ordinal) && !tag.Contains("checked", StringComparison.Ordinal)))
            {
                continue;
            }

            fields.TryAdd(name, WebUtility.HtmlDecode(Attribute(tag, "value") ?? ""));
        }

        foreach (Match area in TextareaPattern().Matches(main))
        {
            fields[area.Groups[1].Value] = WebUtility.HtmlDecode(area.Groups[2].Value).TrimStart('\r', '\n');
        }

        foreach (Match select in SelectPattern().Matches(main))
        {
            var chosen = SelectedPattern().Match(select.Groups[2].Value);
            fields[select.Groups[1].Value] = chosen.Success ? WebUtility.HtmlDecode(chosen.Groups[1].Value) : "";
        }

        return fields;
    }

    private static string Form(string html, string field, string? expected = null)
    {
        var value = Fields(html).GetValueOrDefault("Input." + field) ?? "";
        if (expected is not null)
        {
            Assert.Equal(expected, value);
        }

        return value;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaPattern();

    [GeneratedRegex("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option selected=\"selected\" value=\"([^\"]*)\"")]
    private static partial Regex SelectedPattern();

    [GeneratedRegex("type=\"date\"[^>]*value=\"\\d{4}-\\d{2}-\\d{2}\"|value=\"\\d{4}-\\d{2}-\\d{2}\"[^>]*type=\"date\"")]
    private static partial Regex DateValue();
}

public sealed class ServiceFormTests_Sqlite(SqliteAppFactory app) : ServiceFormTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ServiceFormTests_Postgres(PostgresAppFactory app) : ServiceFormTests(app), IClassFixture<PostgresAppFactory>;
