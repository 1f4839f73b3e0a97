using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shishin.Core.Organizations;
using Shishin.Tests;

namespace Shishin.Web.Tests.Organizations;

/// <summary>The public organisation list and API: Tokyo's published order and a search that works without JavaScript.</summary>
public abstract class OrganizationListTests(ShishinAppFactory app)
{
    // The start of the organisation chart's order of bureaus (組織図), and its last entry; alphabetical by key it is not.
    private static readonly string[] FirstBureaus =
        ["bureau-policy-planning", "bureau-children-policy", "bureau-startup-global-financial-city", "bureau-digital-service", "bureau-general-affairs"];

    [Fact]
    public async Task List_Api_GovernmentThenBureausInOfficialOrderThenMunicipalitiesByCode()
    {
        var organizations = await app.NewClient().GetFromJsonAsync<List<JsonElement>>("/api/v1/organizations");

        string Key(JsonElement o) => o.GetProperty("key").GetString()!;
        string Kind(JsonElement o) => o.GetProperty("kind").GetString()!;
        Assert.Equal("tmg", Key(organizations![0]));
        var kinds = organizations.Select(o => Enum.Parse<OrganizationKind>(Kind(o))).ToList();
        Assert.Equal(kinds.Order(), kinds);
        var bureaus = organizations.Where(o => Kind(o) == "Bureau").Select(Key).ToList();
        Assert.Equal(FirstBureaus, bureaus.Take(FirstBureaus.Length));
        Assert.Equal("bureau-police", bureaus[^1]);
        var codes = organizations.Where(o => Kind(o) == "Municipality").Select(o => o.GetProperty("localGovernmentCode").GetString()!).ToList();
        Assert.Equal(62, codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task List_Page_ShowsTheSameOrderAsTheApi()
    {
        var organizations = await app.NewClient().GetFromJsonAsync<List<JsonElement>>("/api/v1/organizations");

        var html = await app.NewClient().GetStringAsync("/organizations");

        var positions = organizations!.Select(o => html.IndexOf($">{o.GetProperty("name").GetProperty("ja").GetString()}</a>", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [InlineData("渋谷", "渋谷区")]
    [InlineData("shibuya", "渋谷区")]
    [InlineData("131130", "渋谷区")]
    [InlineData("bureau-digital-service", "デジタルサービス局")]
    public async Task Search_NameKeyOrCode_ShowsOnlyTheMatch(string text, string name)
    {
        var html = await app.NewClient().GetStringAsync("/organizations?q=" + Uri.EscapeDataString(text));

        Assert.Contains($">{name}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">新宿区</a>", html, StringComparison.Ordinal);
        Assert.Contains($"件中1件の組織が見つかりました。", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{text}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Form_IsAPlainGetFormWithALabelledBox()
    {
        var html = await app.NewClient().GetStringAsync("/organizations");

        Assert.Contains("<form class=\"filter-form\" method=\"get\" role=\"search\"", html, StringComparison.Ordinal);
        Assert.Matches("<label[^>]* for=\"Q\"[^>]*>名称・キー・地方公共団体コード</label>", html);
        Assert.Contains("name=\"Q\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NoMatch_SaysSoAndListsNothing()
    {
        var html = await app.NewClient().GetStringAsync("/organizations?q=" + Uri.EscapeDataString("存在しない組織"));

        Assert.Contains("該当する組織はありません。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TooLong_ShowsAFieldMessageNotAnError()
    {
        var response = await app.NewClient().GetAsync("/organizations?q=" + new string('あ', OrganizationSearch.MaxLength + 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"field-error\" id=\"Q-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class OrganizationListTests_Sqlite(SqliteAppFactory app) : OrganizationListTests(app), IClassFixture<SqliteAppFactory>;

public sealed class OrganizationListTests_Postgres(PostgresAppFactory app) : OrganizationListTests(app), IClassFixture<PostgresAppFactory>;
