using System.Net;
using System.Text;
using Shishin.Core.Identity;
using Shishin.Tests;
using static Shishin.Web.Tests.Admin.ServiceCsvTestSupport;

namespace Shishin.Web.Tests.Admin;

/// <summary>The import page (/admin/services/import) and the export (/services/export.csv) over real HTTP.</summary>
public abstract class ServiceCsvPageTests(ShishinAppFactory app)
{
    [Fact]
    public async Task Check_FileWithBadRows_ListsEveryBadRowWithItsLineAndLocalisedReasonAndImportsNothing()
    {
        var client = await SessionAsync(app, Roles.Admin);
        var good = Unique("page-good");
        var text = Header + "\r\n" +
            $"{good},\"二行の\r\n名前\",Good,chiyoda,開発,true,web,,,,\r\n" +
            $"{Unique("page-bad")},名前,Bad,nowhere,開発,true,web,,,,\r\n" +
            $"{Unique("page-bad")},名前,Bad,chiyoda,製造,true,web,,,,\r\n";

        var response = await UploadAsync(client, text);
        var html = Decode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<td>4</td><td><code>organization</code></td><td>組織「nowhere」が見つかりません。", html, StringComparison.Ordinal);
        Assert.Contains("<td>5</td><td><code>phase</code></td><td>フェーズ「製造」は不明です。", html, StringComparison.Ordinal);
        Assert.Contains("services.csvに問題が2件あるため、何も取り込みませんでした。", html, StringComparison.Ordinal);
        Assert.Null(await FindAsync(app, good));
    }

    [Fact]
    public async Task CheckThenImport_ValidFile_ShowsTheCountsFirstAndImportsOnlyOnImport()
    {
        var client = await SessionAsync(app, Roles.Admin);
        var key = Unique("page-ok");
        var text = Header + $"\r\n{key},確認,Checked,chiyoda,運用,true,web,,,,\r\n";

        var check = Decode(await (await UploadAsync(client, text)).Content.ReadAsStringAsync());
        var stored = await FindAsync(app, key);
        var import = await UploadAsync(client, text, "Import");
        var after = Decode(await client.GetStringAsync(import.Headers.Location!.OriginalString));

        Assert.Contains("1件のサービスを登録し、0件を更新します。", check, StringComparison.Ordinal);
        Assert.Null(stored);
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Contains("services.csvを取り込みました。1件登録、0件更新しました。", after, StringComparison.Ordinal);
        Assert.Equal("確認", (await FindAsync(app, key))!.NameJa);
    }

    [Fact]
    public async Task Import_ServiceOwnerIntoAnotherOrganisation_IsRefusedAndImportsNothing()
    {
        var client = await SessionAsync(app, Roles.ServiceOwner, "chiyoda");
        var mine = Unique("page-mine");
        var theirs = Unique("page-theirs");

        var response = await UploadAsync(client, Header + $"\r\n{mine},千代田,Mine,chiyoda,開発,false,web,,,,\r\n{theirs},港,Theirs,minato,開発,false,web,,,,\r\n", "Import");
        var html = Decode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<td>3</td><td><code>organization</code></td><td>所属組織ではありません。「minato」のサービスは登録できません。", html, StringComparison.Ordinal);
        Assert.Null(await FindAsync(app, mine));
        Assert.Null(await FindAsync(app, theirs));
    }

    [Fact]
    public async Task Import_ServiceOwnerIntoTheirOwnOrganisation_Imports()
    {
        var client = await SessionAsync(app, Roles.ServiceOwner, "chiyoda");
        var mine = Unique("page-own");

        var response = await UploadAsync(client, Header + $"\r\n{mine},千代田,Mine,131016,開発,false,web,,,,\r\n", "Import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("chiyoda", (await FindAsync(app, mine))!.OwnerOrganization!.Key);
    }

    [Fact]
    public async Task Check_FileLargerThanTheSiteWideBodyLimit_IsReadBecauseThePageAllowsFiveMegabytes()
    {
        var client = await SessionAsync(app, Roles.Admin);
        var text = new StringBuilder(Header + "\r\n");
        for (var i = 0; i < 1500; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"page-big-{i},大きなファイルの行{i},Row {i} of a file larger than the default request limit,chiyoda,開発,true,web,https://example.jp/{i},,,\r\n");
        }

        Assert.True(Encoding.UTF8.GetByteCount(text.ToString()) > 65536);
        var response = await UploadAsync(client, text.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1500件のサービスを登録し", Decode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoFile_ShowsTheFieldMessage()
    {
        var client = await SessionAsync(app, Roles.Admin);

        var response = await client.PostFormAsync("/admin/services/import", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CSVファイルを選んでください。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_AnonymousAndAdmin_EachGetWhatTheyMaySeeAsUtf8WithBom()
    {
        var admin = await SessionAsync(app, Roles.Admin);
        var open = Unique("page-open");
        var closed = Unique("page-closed");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, Header + $"\r\n{open},公開,Open,chiyoda,開発,true,web,,=danger,,\r\n{closed},内部,Closed,chiyoda,開発,false,web,,,,\r\n", "Import")).StatusCode);

        var anonymous = await app.NewClient().GetAsync("/services/export.csv");
        var full = await admin.GetByteArrayAsync("/services/export.csv");
        var anonymousText = await anonymous.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, full[..3]);
        Assert.Contains($"{open},公開,Open,chiyoda,development,true,web,,'=danger,,\r\n", anonymousText, StringComparison.Ordinal);
        Assert.DoesNotContain(closed, anonymousText, StringComparison.Ordinal);
        Assert.Contains(closed, Encoding.UTF8.GetString(full), StringComparison.Ordinal);
    }
}

public sealed class ServiceCsvPageTests_Sqlite(SqliteAppFactory app) : ServiceCsvPageTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ServiceCsvPageTests_Postgres(PostgresAppFactory app) : ServiceCsvPageTests(app), IClassFixture<PostgresAppFactory>;
