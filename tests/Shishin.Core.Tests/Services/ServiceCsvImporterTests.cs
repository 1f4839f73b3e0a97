using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Core.Tests.Services;

/// <summary>Importing and exporting the register as CSV on a real database: encodings, every bad row, all or nothing, scope.</summary>
public abstract class ServiceCsvImporterTests(CoreFixture fixture)
{
    private const string Header = "key,name_ja,name_en,organization,phase,public,channel,entry_urls,description_ja,description_en,partners";

    private static readonly ServiceScope Admin = new(new Viewer(Guid.NewGuid(), new HashSet<string> { Roles.Admin }), new HashSet<Guid>(), new HashSet<Guid>());

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "test";
        return await action(scope.ServiceProvider);
    }

    private Task<ServiceImportReport> ImportAsync(string text, bool dryRun = false, ServiceScope? scope = null, Encoding? encoding = null) =>
        ImportAsync((encoding ?? new UTF8Encoding(false)).GetBytes(text), dryRun, scope);

    private Task<ServiceImportReport> ImportAsync(byte[] content, bool dryRun = false, ServiceScope? scope = null) =>
        InScope(sp => sp.GetRequiredService<ServiceCsvImporter>().ImportAsync(content, scope ?? Admin, dryRun));

    private Task<string> ExportAsync(ServiceScope? scope = null) =>
        InScope(async sp =>
        {
            using var writer = new StringWriter();
            await sp.GetRequiredService<ServiceCsvExporter>().WriteAsync(scope ?? Admin, writer);
            return writer.ToString();
        });

    private Task<Service?> FindAsync(string key) =>
        InScope(sp => sp.GetRequiredService<ShishinDbContext>().Services.AsNoTracking()
            .Include(s => s.Partners).ThenInclude(p => p.Organization).Include(s => s.PhaseChanges).Include(s => s.OwnerOrganization)
            .FirstOrDefaultAsync(s => s.Key == key));

    private Task<Guid> OrganizationAsync(string key, OrganizationKind kind = OrganizationKind.Partner) =>
        InScope(async sp =>
        {
            var organizations = sp.GetRequiredService<OrganizationService>();
            return (await organizations.FindByKeyAsync(key))?.Id
                ?? (await organizations.CreateAsync(new OrganizationInput(key, kind, "試験 " + key, "Test " + key, null, null))).Id;
        });

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-8")]
    [InlineData("cp932")]
    public async Task Import_EachEncodingWithQuotedMultilineFields_CreatesTheServicesAsWritten(string encodingName)
    {
        var vendor = await OrganizationAsync("csv-vendor");
        var key = Unique("enc");
        var text = Header + "\r\n" +
            $"{key},\"保育園の入園申込, 千代田区\",Nursery application,131016,企画－サービス立案,TRUE,Web,https://example.jp/a https://example.jp/b,\"一行目\r\n「二行目」, \"\"引用\"\"\",\"Line one\r\nline two\",csv-vendor\r\n";
        var bytes = encodingName switch
        {
            "utf-8-bom" => new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
            "utf-8" => Encoding.UTF8.GetBytes(text),
            _ => Encoding.GetEncoding(932).GetBytes(text),
        };

        var report = await ImportAsync(bytes);

        Assert.True(report.IsValid, string.Join("\n", report.Errors.Select(e => e.Format("f"))));
        Assert.True(report.Applied);
        Assert.Equal([key], report.Created);
        var service = (await FindAsync(key))!;
        Assert.Equal("保育園の入園申込, 千代田区", service.NameJa);
        Assert.Equal("chiyoda", service.OwnerOrganization!.Key);
        Assert.Equal(ServicePhase.ServiceDesign, service.Phase);
        Assert.True(service.IsPublic);
        Assert.Equal(ServiceChannel.Web, service.Channel);
        Assert.Equal("https://example.jp/a https://example.jp/b", service.EntryUrls);
        Assert.Equal("一行目\r\n「二行目」, \"引用\"", service.DescriptionJa);
        Assert.Equal("Line one\r\nline two", service.DescriptionEn);
        Assert.Equal([vendor], service.Partners.Select(p => p.OrganizationId));
        var change = Assert.Single(service.PhaseChanges);
        Assert.Equal((ServicePhase.ServiceDesign, "test"), (change.Phase, change.RecordedByName));
    }

    [Fact]
    public async Task DryRun_EveryKindOfBadRow_ReportsEachWithTheLineWhereItsRecordStartsAndStoresNothing()
    {
        await OrganizationAsync("csv-vendor");
        var good = Unique("good");
        var text = Header + "\n" +
            $"{good},\"説明が\n三行に\nわたる\",Good,chiyoda,開発,true,web,,,,\n" +    // lines 2-4, valid
            "Bad_Key,名,Name,chiyoda,開発,true,web,,,,\n" +                            // 5
            $"{good},名,Name,chiyoda,開発,true,web,,,,\n" +                            // 6 duplicate of line 2
            $"{Unique("o")},名,Name,nowhere,開発,true,web,,,,\n" +                     // 7
            $"{Unique("p")},名,Name,chiyoda,製造,true,web,,,,\n" +                       // 8
            $"{Unique("u")},名,Name,chiyoda,開発,true,web,ftp://example.jp/ not-a-url,,,\n" + // 9 (two URLs)
            $"{Unique("n")},,Name,chiyoda,開発,true,web,,,,\n" +                        // 10
            $"{Unique("b")},名,Name,chiyoda,開発,yes,fax,,,,\n" +                       // 11 (two problems)
            $"{Unique("r")},名,Name,chiyoda,開発,true,web,,,,nobody chiyoda\n" +        // 12 (two problems)
            $"{Unique("x")},名,Name,csv-vendor,開発,true,web,,,,\n";                   // 13

        var report = await ImportAsync(text, dryRun: true);

        Assert.False(report.Applied);
        Assert.Equal([good], report.Created);
        Assert.Equal(
            [
                (5, "key", ServiceCsvProblem.BadKey),
                (6, "key", ServiceCsvProblem.DuplicateKey),
                (7, "organization", ServiceCsvProblem.UnknownOrganization),
                (8, "phase", ServiceCsvProblem.BadPhase),
                (9, "entry_urls", ServiceCsvProblem.MalformedUrl),
                (9, "entry_urls", ServiceCsvProblem.MalformedUrl),
                (10, "name_ja", ServiceCsvProblem.MissingName),
                (11, "public", ServiceCsvProblem.BadPublic),
                (11, "channel", ServiceCsvProblem.BadChannel),
                (12, "partners", ServiceCsvProblem.UnknownPartner),
                (12, "partners", ServiceCsvProblem.NotAPartner),
                (13, "organization", ServiceCsvProblem.PartnerAsOwner),
            ],
            report.Errors.Select(e => (e.Line, e.Column!, e.Problem)));
        Assert.Equal("f:6: key: The key '" + good + "' is already used on line 2 of this file.", report.Errors[1].Format("f"));
        Assert.Null(await FindAsync(good));
    }

    [Fact]
    public async Task Import_OneBadRowAmongGoodOnes_ImportsNothing()
    {
        var keys = Enumerable.Range(0, 3).Select(_ => Unique("all")).ToList();
        var text = Header + "\n" +
            $"{keys[0]},一,One,chiyoda,開発,true,web,,,,\n" +
            $"{keys[1]},二,Two,chiyoda,開発,maybe,web,,,,\n" +
            $"{keys[2]},三,Three,chiyoda,開発,true,web,,,,\n";

        var report = await ImportAsync(text);

        Assert.False(report.Applied);
        Assert.Equal([3], report.BadLines);
        foreach (var key in keys)
        {
            Assert.Null(await FindAsync(key));
        }
    }

    [Fact]
    public async Task Import_ExistingKey_UpdatesItAndRecordsTheNewPhaseOnce()
    {
        var key = Unique("upd");
        Assert.True((await ImportAsync(Header + $"\n{key},旧,Old,chiyoda,hypothesis,false,web,https://example.jp/,旧説明,Old,\n")).Applied);
        var before = (await FindAsync(key))!;

        var report = await ImportAsync($"key,name_ja,name_en,organization,phase,public,channel\n{key},新,New,minato,運用,true,app\n");

        Assert.True(report.Applied);
        Assert.Empty(report.Created);
        Assert.Equal([key], report.Updated);
        var after = (await FindAsync(key))!;
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(("新", "New", "minato", ServicePhase.Operation, true, ServiceChannel.App), (after.NameJa, after.NameEn, after.OwnerOrganization!.Key, after.Phase, after.IsPublic, after.Channel));
        // Columns the file leaves out keep their values.
        Assert.Equal(("https://example.jp/", "旧説明"), (after.EntryUrls, after.DescriptionJa));
        Assert.Equal(before.Revision + 1, after.Revision);
        Assert.Equal([ServicePhase.Hypothesis, ServicePhase.Operation], after.PhaseChanges.OrderBy(c => c.RecordedAt).ThenBy(c => c.Phase).Select(c => c.Phase));
    }

    [Fact]
    public async Task ExportThenImport_TheWholeRegister_ChangesNothing()
    {
        await OrganizationAsync("csv-vendor");
        var key = Unique("rt");
        Assert.True((await ImportAsync(Header + "\n" +
            $"{key},=1+2,-minus,chiyoda,開発,true,phone,https://example.jp/x,\"@SUM(A1)\n次の行\",\"+81, \"\"quoted\"\"\",csv-vendor\n")).Applied);

        var exported = await ExportAsync();
        var report = await ImportAsync(exported, dryRun: false);

        Assert.True(report.IsValid, string.Join("\n", report.Errors.Select(e => e.Format("export"))));
        Assert.Empty(report.Created);
        Assert.Empty(report.Updated);
        Assert.Contains(key, report.Unchanged);
        Assert.Contains($"{key},'=1+2,'-minus,chiyoda,development,true,phone,https://example.jp/x,\"'@SUM(A1)\n次の行\",\"'+81, \"\"quoted\"\"\",csv-vendor\r\n", exported, StringComparison.Ordinal);
        Assert.StartsWith(Header + "\r\n", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_HundredServicesFromShiftJis_CreatesThemAll()
    {
        var prefix = Unique("sjis");
        var text = new StringBuilder(Header + "\r\n");
        for (var i = 0; i < 100; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{i},手続き{i}（申請）,Procedure {i},13101,運用,true,web,https://example.jp/{i},\"説明, その{i}\",,\r\n");
        }

        var report = await ImportAsync(text.ToString(), encoding: Encoding.GetEncoding(932));

        Assert.True(report.Applied, string.Join("\n", report.Errors.Select(e => e.Format("f"))));
        Assert.Equal("Shift_JIS (CP932)", report.Encoding);
        Assert.Equal(100, report.Created.Count);
        Assert.Equal("手続き42（申請）", (await FindAsync(prefix + "-42"))!.NameJa);
    }

    [Fact]
    public async Task Import_ServiceOwner_OnlyIntoTheirOwnOrganisationsAndOnlyServicesTheyMayEdit()
    {
        var chiyoda = await OrganizationAsync("chiyoda");
        var others = Unique("others");
        Assert.True((await ImportAsync(Header + $"\n{others},港,Minato,minato,開発,false,web,,,,\n")).Applied);
        var owner = new ServiceScope(new Viewer(Guid.NewGuid(), new HashSet<string> { Roles.ServiceOwner }), new HashSet<Guid> { chiyoda }, new HashSet<Guid>());
        var mine = Unique("mine");

        var report = await ImportAsync(Header + "\n" +
            $"{mine},千代田,Chiyoda,chiyoda,開発,true,web,,,,\n" +
            $"{Unique("theirs")},港,Minato,minato,開発,true,web,,,,\n" +
            $"{others},港,Minato,chiyoda,開発,true,web,,,,\n", scope: owner);

        Assert.Equal([(3, ServiceCsvProblem.NotYourOrganization), (4, ServiceCsvProblem.CannotEditService)], report.Errors.Select(e => (e.Line, e.Problem)));
        Assert.Null(await FindAsync(mine));
        Assert.Equal("minato", (await FindAsync(others))!.OwnerOrganization!.Key);
    }

    [Fact]
    public async Task Export_ServiceOwner_WritesOnlyWhatTheyMaySee()
    {
        var chiyoda = await OrganizationAsync("chiyoda");
        var hidden = Unique("hidden");
        var shown = Unique("shown");
        Assert.True((await ImportAsync(Header + $"\n{hidden},内部,Internal,minato,開発,false,web,,,,\n{shown},内部,Internal,chiyoda,開発,false,web,,,,\n")).Applied);
        var owner = new ServiceScope(new Viewer(Guid.NewGuid(), new HashSet<string> { Roles.ServiceOwner }), new HashSet<Guid> { chiyoda }, new HashSet<Guid>());

        var exported = await ExportAsync(owner);

        Assert.Contains(shown + ",", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_TooLargeOrUnreadable_IsRefusedAsAWhole()
    {
        var tooLarge = await ImportAsync(new byte[ServiceCsv.MaxBytes + 1]);
        var unreadable = await ImportAsync([0xEF, 0xBB, 0xBF, 0xFF, 0xFE]);

        Assert.Equal(ServiceCsvProblem.FileTooLarge, Assert.Single(tooLarge.Errors).Problem);
        Assert.Equal(ServiceCsvProblem.UnreadableEncoding, Assert.Single(unreadable.Errors).Problem);
    }
}

public sealed class ServiceCsvImporterTests_Sqlite(SqliteCoreFixture fixture) : ServiceCsvImporterTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class ServiceCsvImporterTests_Postgres(PostgresCoreFixture fixture) : ServiceCsvImporterTests(fixture), IClassFixture<PostgresCoreFixture>;
