using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Services;
using Shishin.Tests;
using static Shishin.Tests.AssessmentSamples;

namespace Shishin.Core.Tests.Assessments;

public abstract class AssessmentReportsTests(CoreFixture fixture)
{
    private static string Key(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Get_PublishedReport_GroupsResultsAndSummarisesPerPrincipleAndTheme()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await ServiceAsync(db, Key("report"), chiyoda, isPublic: true);
        var assessment = await AssessmentAsync(db, service.Id, AssessmentStatus.Published, Rag.Amber, Mixed);

        var report = await scope.ServiceProvider.GetRequiredService<AssessmentReports>().GetAsync(Scopes.Anonymous, assessment.Id);

        Assert.NotNull(report);
        Assert.Equal(["P1", "UX", "SE"], report.Sections.Select(s => s.Summary.Key));
        Assert.Equal(["P1-01", "P1-02", "P1-03", "P1-04"], report.Sections[0].Items.Select(i => i.Result.CheckpointId));
        Assert.Equal((3, 4, 1, Rag.Amber), (report.Sections[0].Summary.Met, report.Sections[0].Summary.Applicable, report.Sections[0].Summary.PartlyMet, report.Sections[0].Summary.Rag));
        Assert.Equal((1, 1, 1), (report.Sections[1].Summary.Met, report.Sections[1].Summary.Applicable, report.Sections[1].Summary.NotApplicable));
        Assert.Equal((0, 1, Rag.Red), (report.Sections[2].Summary.Met, report.Sections[2].Summary.Applicable, report.Sections[2].Summary.Rag));
        Assert.Equal((4, 6), (report.Total.Met, report.Total.Applicable));
        Assert.Equal(1, report.Sections[0].Principle?.Number);
        Assert.Equal("UX", report.Sections[1].Theme?.Key);
        Assert.Equal("1.1.0", report.CatalogVersion.Version);
        Assert.Empty(report.ActionItems);
        Assert.False(report.Permissions.SeeActionItems);
    }

    [Fact]
    public async Task Get_EachViewer_ReadsOnlyWhatTheRulesAllow()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var reports = scope.ServiceProvider.GetRequiredService<AssessmentReports>();
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var minato = await Scopes.OrganizationAsync(fixture.Services, "minato");
        var company = await Scopes.PartnerCompanyAsync(fixture.Services);
        var publicService = await ServiceAsync(db, Key("public"), chiyoda, isPublic: true);
        var internalService = await ServiceAsync(db, Key("internal"), chiyoda, isPublic: false, partners: [company]);
        var publicReport = await AssessmentAsync(db, publicService.Id, AssessmentStatus.Published, Rag.Green, Mixed);
        var publicDraft = await AssessmentAsync(db, publicService.Id, AssessmentStatus.Draft, null, Mixed);
        var internalReport = await AssessmentAsync(db, internalService.Id, AssessmentStatus.Published, Rag.Green, Mixed);
        var internalInReview = await AssessmentAsync(db, internalService.Id, AssessmentStatus.InReview, null, Mixed);

        var viewers = new (string Name, ServiceScope Scope, bool[] Expected)[]
        {
            // public report, public service's draft, internal report, internal in review
            ("anonymous", Scopes.Anonymous, [true, false, false, false]),
            ("owner of another organisation", Scopes.Owner(minato), [true, false, false, false]),
            ("owner", Scopes.Owner(chiyoda), [true, true, true, true]),
            ("assigned partner", Scopes.Partner(company), [true, false, true, true]),
            ("reviewer", Scopes.Reviewer, [true, true, true, true]),
            ("admin", Scopes.Admin, [true, true, true, true]),
        };
        foreach (var (name, viewer, expected) in viewers)
        {
            var actual = new List<bool>();
            foreach (var id in new[] { publicReport.Id, publicDraft.Id, internalReport.Id, internalInReview.Id })
            {
                actual.Add(await reports.GetAsync(viewer, id) is not null);
            }

            Assert.True(expected.SequenceEqual(actual), $"{name}: expected {string.Join(',', expected)}, got {string.Join(',', actual)}");
        }

        Assert.Null(await reports.GetAsync(Scopes.Admin, Guid.NewGuid()));
    }

    [Fact]
    public async Task Get_Reassessment_LinksBothWaysAndPermissionsFollowStatus()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var reports = scope.ServiceProvider.GetRequiredService<AssessmentReports>();
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await ServiceAsync(db, Key("red"), chiyoda, isPublic: true);
        var red = await AssessmentAsync(db, service.Id, AssessmentStatus.Published, Rag.Red, Mixed);
        var again = await AssessmentAsync(db, service.Id, AssessmentStatus.Draft, null, [new("SE-01", null)], reassessmentOf: red.Id);
        await ActionItemAsync(db, service.Id, red.Id, new DateOnly(2030, 1, 1));

        var asOwner = (await reports.GetAsync(Scopes.Owner(chiyoda), red.Id))!;
        var asPublic = (await reports.GetAsync(Scopes.Anonymous, red.Id))!;
        var draft = (await reports.GetAsync(Scopes.Owner(chiyoda), again.Id))!;

        Assert.Equal([again.Id], asOwner.ReassessedBy.Select(r => r.Id));
        Assert.Empty(asPublic.ReassessedBy);
        Assert.Equal(red.Id, draft.ReassessmentOf?.Id);
        Assert.Single(asOwner.ActionItems);
        Assert.Empty(asPublic.ActionItems);
        Assert.Equal(new ReportPermissions(false, false, true, true), asOwner.Permissions);
        Assert.Equal(new ReportPermissions(true, false, false, true), draft.Permissions);
        Assert.Equal(new ReportPermissions(false, false, false, false), asPublic.Permissions);
    }

    [Fact]
    public async Task History_AssessmentsOfSeveralPhases_OrderedByPhaseThenDateWithDraftsForTheTeamOnly()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var reports = scope.ServiceProvider.GetRequiredService<AssessmentReports>();
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await ServiceAsync(db, Key("history"), chiyoda, isPublic: true);
        var operation = await AssessmentAsync(db, service.Id, AssessmentStatus.Published, Rag.Green, [new("P1-01", CheckpointOutcome.Met)], LifecyclePhase.Operation, new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var design = await AssessmentAsync(db, service.Id, AssessmentStatus.Published, Rag.Red, Mixed, LifecyclePhase.ServiceDesign, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var development = await AssessmentAsync(db, service.Id, AssessmentStatus.Published, Rag.Amber, Mixed, LifecyclePhase.Development, new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        var draft = await AssessmentAsync(db, service.Id, AssessmentStatus.Draft, null, Mixed, LifecyclePhase.Operation);

        var anonymous = (await reports.HistoryAsync(Scopes.Anonymous, service.Key))!;
        var team = (await reports.HistoryAsync(Scopes.Owner(chiyoda), service.Key))!;

        Assert.Equal([design.Id, development.Id, operation.Id], anonymous.Entries.Select(e => e.Id));
        Assert.Equal([Rag.Red, Rag.Amber, Rag.Green], anonymous.Entries.Select(e => e.Rag));
        Assert.Equal([(4, 6), (4, 6), (1, 1)], anonymous.Entries.Select(e => (e.Total.Met, e.Total.Applicable)));
        Assert.False(anonymous.IncludesUnpublished);
        Assert.Equal([design.Id, development.Id, operation.Id, draft.Id], team.Entries.Select(e => e.Id));
        Assert.True(team.IncludesUnpublished);
        Assert.Equal("1.1.0", team.Entries[0].CatalogVersion);
    }

    [Fact]
    public async Task History_InternalService_IsNullForThoseWhoCannotSeeIt()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var reports = scope.ServiceProvider.GetRequiredService<AssessmentReports>();
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var minato = await Scopes.OrganizationAsync(fixture.Services, "minato");
        var service = await ServiceAsync(db, Key("hidden"), chiyoda, isPublic: false);
        await AssessmentAsync(db, service.Id, AssessmentStatus.Published, Rag.Green, Mixed);

        Assert.Null(await reports.HistoryAsync(Scopes.Anonymous, service.Key));
        Assert.Null(await reports.HistoryAsync(Scopes.Owner(minato), service.Key));
        Assert.Null(await reports.HistoryAsync(Scopes.Anonymous, "no-such-service"));
        Assert.Single((await reports.HistoryAsync(Scopes.Reviewer, service.Key))!.Entries);
    }

    [Fact]
    public async Task Portfolio_VisibleServices_LatestPublishedAssessmentPerCellAndOrganisationFilter()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var reports = scope.ServiceProvider.GetRequiredService<AssessmentReports>();
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var minato = await Scopes.OrganizationAsync(fixture.Services, "minato");
        var own = await ServiceAsync(db, Key("portfolio-own"), chiyoda, isPublic: true);
        var hidden = await ServiceAsync(db, Key("portfolio-hidden"), minato, isPublic: false);
        var unassessed = await ServiceAsync(db, Key("portfolio-new"), minato, isPublic: true);
        await AssessmentAsync(db, own.Id, AssessmentStatus.Published, Rag.Red, [new("P1-01", CheckpointOutcome.NotMet, Rag.Red)], publishedAt: DateTime.UtcNow.AddDays(-30));
        var latest = await AssessmentAsync(db, own.Id, AssessmentStatus.Published, Rag.Amber, Mixed, publishedAt: DateTime.UtcNow.AddDays(-1));
        await AssessmentAsync(db, own.Id, AssessmentStatus.Draft, null, [new("P2-01", CheckpointOutcome.Met)]);
        await AssessmentAsync(db, hidden.Id, AssessmentStatus.Published, Rag.Green, Mixed);

        var all = await reports.PortfolioAsync(Scopes.Reviewer, new PortfolioQuery());
        var asOtherOwner = await reports.PortfolioAsync(Scopes.Owner(chiyoda), new PortfolioQuery());
        var filtered = await reports.PortfolioAsync(Scopes.Reviewer, new PortfolioQuery(minato));

        Assert.Equal(13, all.Columns.Count);
        Assert.Equal(["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "UX", "DA", "SE"], all.Columns.Select(c => c.Key));
        var row = all.Rows.Single(r => r.Service.Id == own.Id);
        Assert.Equal(latest.Id, row.Latest?.Id);
        Assert.Equal((3, 4, Rag.Amber), (row.Cell("P1")!.Met, row.Cell("P1")!.Applicable, row.Cell("P1")!.Rag));
        Assert.Equal((1, 1), (row.Cell("UX")!.Met, row.Cell("UX")!.Applicable));
        Assert.Null(row.Cell("P2"));
        Assert.Null(all.Rows.Single(r => r.Service.Id == unassessed.Id).Latest);
        Assert.Contains(all.Rows, r => r.Service.Id == hidden.Id);
        Assert.DoesNotContain(asOtherOwner.Rows, r => r.Service.Id == hidden.Id);
        Assert.Contains(asOtherOwner.Rows, r => r.Service.Id == unassessed.Id);
        Assert.All(filtered.Rows, r => Assert.Equal(minato, r.Service.OwnerOrganizationId));
        Assert.Contains(filtered.Rows, r => r.Service.Id == hidden.Id);
    }

    [Fact]
    public async Task Portfolio_SortByOrganization_FollowsThePublishedOrder()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var minato = await Scopes.OrganizationAsync(fixture.Services, "minato");
        // "A" sorts before "Z" by name; by organisation, Chiyoda (131016) comes before Minato (131032).
        var z = await ServiceAsync(db, Key("zz-sort"), chiyoda, isPublic: true);
        z.NameEn = "ZZZ sort";
        var a = await ServiceAsync(db, Key("aa-sort"), minato, isPublic: true);
        a.NameEn = "AAA sort";
        await db.SaveChangesAsync();
        var reports = scope.ServiceProvider.GetRequiredService<AssessmentReports>();

        var byName = (await reports.PortfolioAsync(Scopes.Reviewer, new PortfolioQuery(null, PortfolioSort.Service, English: true))).Rows.Select(r => r.Service.Id).ToList();
        var byOrganization = (await reports.PortfolioAsync(Scopes.Reviewer, new PortfolioQuery(null, PortfolioSort.Organization, English: true))).Rows.Select(r => r.Service.Id).ToList();

        Assert.True(byName.IndexOf(a.Id) < byName.IndexOf(z.Id));
        Assert.True(byOrganization.IndexOf(z.Id) < byOrganization.IndexOf(a.Id));
    }

    [Fact]
    public async Task Portfolio_SortByRatingOrByAColumn_WorstFirstAndTheUnassessedLast()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var reports = scope.ServiceProvider.GetRequiredService<AssessmentReports>();
        var minato = await Scopes.OrganizationAsync(fixture.Services, "minato");
        // By name A, B, C, D; by rating and by principle 1's share the order differs from that.
        var green = await ServiceAsync(db, Key("sort-a"), minato, isPublic: true);
        var red = await ServiceAsync(db, Key("sort-b"), minato, isPublic: true);
        var amber = await ServiceAsync(db, Key("sort-c"), minato, isPublic: true);
        var unassessed = await ServiceAsync(db, Key("sort-d"), minato, isPublic: true);
        (green.NameEn, red.NameEn, amber.NameEn, unassessed.NameEn) = ("A sort", "B sort", "C sort", "D sort");
        await db.SaveChangesAsync();
        await AssessmentAsync(db, green.Id, AssessmentStatus.Published, Rag.Green,
            [new("P1-01", CheckpointOutcome.Met, Rag.Green), new("P1-02", CheckpointOutcome.NotMet, Rag.Green)]);
        await AssessmentAsync(db, red.Id, AssessmentStatus.Published, Rag.Red,
            [new("P1-01", CheckpointOutcome.Met, Rag.Green), new("P1-02", CheckpointOutcome.Met, Rag.Green)]);
        await AssessmentAsync(db, amber.Id, AssessmentStatus.Published, Rag.Amber,
            [new("P1-01", CheckpointOutcome.NotMet, Rag.Red), new("P1-02", CheckpointOutcome.NotMet, Rag.Red)]);
        Guid[] ours = [green.Id, red.Id, amber.Id, unassessed.Id];

        async Task<List<Guid>> OrderAsync(PortfolioSort sort, string? column = null) =>
            (await reports.PortfolioAsync(Scopes.Reviewer, new PortfolioQuery(minato, sort, English: true, column))).Rows
                .Select(r => r.Service.Id).Where(ours.Contains).ToList();

        Assert.Equal([green.Id, red.Id, amber.Id, unassessed.Id], await OrderAsync(PortfolioSort.Service));
        Assert.Equal([red.Id, amber.Id, green.Id, unassessed.Id], await OrderAsync(PortfolioSort.Rating));
        // Principle 1: C met 0 of 2, A 1 of 2, B 2 of 2; D has no figure and comes last.
        Assert.Equal([amber.Id, green.Id, red.Id, unassessed.Id], await OrderAsync(PortfolioSort.Column, "P1"));
        // A column none of them has a figure in leaves them in name order.
        Assert.Equal([green.Id, red.Id, amber.Id, unassessed.Id], await OrderAsync(PortfolioSort.Column, "SE"));
    }
}

public sealed class AssessmentReportsTests_Sqlite(SqliteCoreFixture fixture) : AssessmentReportsTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class AssessmentReportsTests_Postgres(PostgresCoreFixture fixture) : AssessmentReportsTests(fixture), IClassFixture<PostgresCoreFixture>;
