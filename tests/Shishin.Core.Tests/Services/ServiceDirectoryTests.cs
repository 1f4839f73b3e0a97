using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Core.Tests.Services;

/// <summary>
/// The register's read side on both providers. Every test makes its own small organisation tree and queries within it,
/// so the tests share one database without seeing each other's services.
/// </summary>
public abstract class ServiceDirectoryTests(CoreFixture fixture)
{
    private static readonly ServiceScope Everyone = Scope(Roles.Admin);
    private static readonly ServiceScope Anonymous = new(Viewer.Anonymous, new HashSet<Guid>(), new HashSet<Guid>());

    [Fact]
    public async Task List_Organization_IncludesItsSubTreeAndNothingElse()
    {
        // Arrange: a bureau with a division, and a second bureau beside it
        var tree = await TreeAsync();
        await tree.Samples.ServiceAsync("root", tree.Root);
        await tree.Samples.ServiceAsync("child", tree.Child);
        await tree.Samples.ServiceAsync("sibling", tree.Sibling);

        // Act
        var fromRoot = await ListAsync(new ServiceQuery { OrganizationId = tree.Root }, Everyone);
        var fromChild = await ListAsync(new ServiceQuery { OrganizationId = tree.Child }, Everyone);

        // Assert
        Assert.Equal([tree.Prefix + "-child", tree.Prefix + "-root"], Keys(fromRoot).Order(StringComparer.Ordinal));
        Assert.Equal([tree.Prefix + "-child"], Keys(fromChild));
    }

    [Fact]
    public async Task List_PhaseChannelAndPublic_KeepOnlyMatches()
    {
        var tree = await TreeAsync();
        await tree.Samples.ServiceAsync("a", tree.Root, phase: ServicePhase.Operation, channel: ServiceChannel.Web, isPublic: true);
        await tree.Samples.ServiceAsync("b", tree.Root, phase: ServicePhase.Development, channel: ServiceChannel.Web, isPublic: false);
        await tree.Samples.ServiceAsync("c", tree.Root, phase: ServicePhase.Operation, channel: ServiceChannel.Counter, isPublic: false);
        var all = new ServiceQuery { OrganizationId = tree.Root };

        var operation = await ListAsync(all with { Phase = ServicePhase.Operation }, Everyone);
        var web = await ListAsync(all with { Channel = ServiceChannel.Web }, Everyone);
        var internalOnly = await ListAsync(all with { IsPublic = false }, Everyone);
        var combined = await ListAsync(all with { Phase = ServicePhase.Operation, Channel = ServiceChannel.Counter, IsPublic = false }, Everyone);

        Assert.Equal([tree.Prefix + "-a", tree.Prefix + "-c"], Keys(operation));
        Assert.Equal([tree.Prefix + "-a", tree.Prefix + "-b"], Keys(web));
        Assert.Equal([tree.Prefix + "-b", tree.Prefix + "-c"], Keys(internalOnly));
        Assert.Equal([tree.Prefix + "-c"], Keys(combined));
    }

    [Fact]
    public async Task List_Overdue_CountsOnlyOverdueItemsStillOpen()
    {
        // Arrange: one service with an overdue open item, one whose overdue item is done, one without items
        var tree = await TreeAsync();
        var late = await tree.Samples.ServiceAsync("late", tree.Root);
        var closed = await tree.Samples.ServiceAsync("closed", tree.Root);
        await tree.Samples.ServiceAsync("none", tree.Root);
        await AddActionAsync(tree, late.Id, ActionItemStatus.InProgress, overdue: true);
        await AddActionAsync(tree, late.Id, ActionItemStatus.Open, overdue: false);
        await AddActionAsync(tree, closed.Id, ActionItemStatus.Done, overdue: true);

        // Act
        var withOverdue = await ListAsync(new ServiceQuery { OrganizationId = tree.Root, HasOverdueActions = true }, Everyone);
        var without = await ListAsync(new ServiceQuery { OrganizationId = tree.Root, HasOverdueActions = false }, Everyone);

        // Assert
        Assert.Equal([tree.Prefix + "-late"], Keys(withOverdue));
        Assert.True(withOverdue.Items[0].HasOverdueActions);
        Assert.Equal([tree.Prefix + "-closed", tree.Prefix + "-none"], Keys(without));
    }

    [Fact]
    public async Task List_Rag_IsTheRatingOfTheLatestPublishedAssessment()
    {
        // Arrange: red, then green published; a newer amber draft does not count
        var tree = await TreeAsync();
        var improved = await tree.Samples.ServiceAsync("improved", tree.Root);
        var amber = await tree.Samples.ServiceAsync("amber", tree.Root);
        await tree.Samples.ServiceAsync("unrated", tree.Root);
        var start = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        await tree.Samples.AssessmentAsync(improved.Id, AssessmentStatus.Published, Rag.Red, start);
        await tree.Samples.AssessmentAsync(improved.Id, AssessmentStatus.Published, Rag.Green, start.AddMonths(3));
        await tree.Samples.AssessmentAsync(improved.Id, AssessmentStatus.InReview, Rag.Amber, start.AddMonths(6));
        await tree.Samples.AssessmentAsync(amber.Id, AssessmentStatus.Published, Rag.Amber, start);
        var all = new ServiceQuery { OrganizationId = tree.Root };

        // Act
        var green = await ListAsync(all with { LatestRag = Rag.Green }, Everyone);
        var red = await ListAsync(all with { LatestRag = Rag.Red }, Everyone);
        var amberRows = await ListAsync(all with { LatestRag = Rag.Amber }, Everyone);
        var every = await ListAsync(all, Everyone);

        // Assert
        Assert.Equal([tree.Prefix + "-improved"], Keys(green));
        Assert.Empty(red.Items);
        Assert.Equal([tree.Prefix + "-amber"], Keys(amberRows));
        Assert.Null(every.Items.Single(i => i.Service.Key == tree.Prefix + "-unrated").LatestRag);
    }

    [Theory]
    [InlineData("保育", "nursery")]
    [InlineData("NURSERY", "nursery")]
    [InlineData("ｎｕｒｓｅｒｙ", "nursery")]
    [InlineData("オンライン", "nursery")]
    [InlineData("apply online", "nursery")]
    [InlineData("ゴミ", "waste")]
    [InlineData("ｺﾞﾐ", "waste")]
    [InlineData("bulky　COLLECTION", "waste")]
    [InlineData("waste", "waste")]
    public async Task List_Text_FindsNamesDescriptionsAndKeysTypedLoosely(string text, string expected)
    {
        var tree = await TreeAsync();
        await tree.Samples.ServiceAsync("nursery", tree.Root, nameJa: "保育園の入園申込", nameEn: "Nursery school application",
            more: s => (s.DescriptionJa, s.DescriptionEn) = ("オンラインで申し込めます。", "Apply online for a place."));
        await tree.Samples.ServiceAsync("waste", tree.Root, nameJa: "粗大ごみの収集", nameEn: "Bulky waste collection",
            more: s => (s.DescriptionJa, s.DescriptionEn) = ("収集日を予約します。", "Book a collection day."));

        var found = await ListAsync(new ServiceQuery { OrganizationId = tree.Root, Text = text }, Everyone);

        Assert.Equal([tree.Prefix + "-" + expected], Keys(found));
        Assert.Equal(1, found.Total);
    }

    [Fact]
    public async Task List_TextFoundNowhere_ReturnsNothing()
    {
        var tree = await TreeAsync();
        await tree.Samples.ServiceAsync("nursery", tree.Root, nameJa: "保育園の入園申込", nameEn: "Nursery school application");

        var found = await ListAsync(new ServiceQuery { OrganizationId = tree.Root, Text = "存在しないサービス" }, Everyone);

        Assert.Empty(found.Items);
        Assert.Equal(0, found.Total);
    }

    [Fact]
    public async Task List_Sort_ByNameOrganisationPhaseAndUpdatedBothWays()
    {
        // Arrange: names, owners, phases and update times in different orders
        var tree = await TreeAsync();
        var day = new DateTime(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        await tree.Samples.ServiceAsync("x", tree.Sibling, nameEn: "Alpha", phase: ServicePhase.Retired, more: s => s.CreatedAt = s.UpdatedAt = day.AddDays(1));
        await tree.Samples.ServiceAsync("y", tree.Root, nameEn: "Charlie", phase: ServicePhase.Hypothesis, more: s => s.CreatedAt = s.UpdatedAt = day.AddDays(3));
        await tree.Samples.ServiceAsync("z", tree.Child, nameEn: "Bravo", phase: ServicePhase.Operation, more: s => s.CreatedAt = s.UpdatedAt = day.AddDays(2));
        var mine = new[] { tree.Prefix + "-x", tree.Prefix + "-y", tree.Prefix + "-z" };

        async Task<List<string>> Sorted(ServiceSort sort, bool descending) =>
            [.. Keys(await ListAsync(new ServiceQuery { Sort = sort, Descending = descending, English = true, PageSize = ServiceQuery.MaxPageSize, Text = tree.Prefix }, Everyone))
                .Where(mine.Contains)];

        // Act and assert: the root, child and sibling were created in that order, so that is their published order
        Assert.Equal([tree.Prefix + "-x", tree.Prefix + "-z", tree.Prefix + "-y"], await Sorted(ServiceSort.Name, false));
        Assert.Equal([tree.Prefix + "-y", tree.Prefix + "-z", tree.Prefix + "-x"], await Sorted(ServiceSort.Name, true));
        Assert.Equal([tree.Prefix + "-y", tree.Prefix + "-z", tree.Prefix + "-x"], await Sorted(ServiceSort.Organization, false));
        Assert.Equal([tree.Prefix + "-x", tree.Prefix + "-z", tree.Prefix + "-y"], await Sorted(ServiceSort.Organization, true));
        Assert.Equal([tree.Prefix + "-y", tree.Prefix + "-z", tree.Prefix + "-x"], await Sorted(ServiceSort.Phase, false));
        Assert.Equal([tree.Prefix + "-x", tree.Prefix + "-z", tree.Prefix + "-y"], await Sorted(ServiceSort.Phase, true));
        Assert.Equal([tree.Prefix + "-x", tree.Prefix + "-z", tree.Prefix + "-y"], await Sorted(ServiceSort.Updated, false));
        Assert.Equal([tree.Prefix + "-y", tree.Prefix + "-z", tree.Prefix + "-x"], await Sorted(ServiceSort.Updated, true));
    }

    [Fact]
    public async Task List_Pages_SplitTheListAndCountTheWhole()
    {
        var tree = await TreeAsync();
        for (var i = 0; i < 30; i++)
        {
            await tree.Samples.ServiceAsync($"{i:00}", tree.Root, nameEn: $"Service {i:00}");
        }

        var query = new ServiceQuery { OrganizationId = tree.Root, English = true };
        var first = await ListAsync(query, Everyone);
        var second = await ListAsync(query with { Page = 2 }, Everyone);
        var beyond = await ListAsync(query with { Page = 3 }, Everyone);
        var huge = await ListAsync(query with { PageSize = 1000 }, Everyone);

        Assert.Equal((25, 30, 2), (first.Items.Count, first.Total, first.PageCount));
        Assert.Equal([.. Enumerable.Range(25, 5).Select(i => $"{tree.Prefix}-{i:00}")], Keys(second));
        Assert.Empty(beyond.Items);
        Assert.Equal(ServiceQuery.MaxPageSize, huge.PageSize);
        Assert.Equal(30, huge.Items.Count);
    }

    [Fact]
    public async Task List_InternalService_OnlyForThoseAllowedAndNeverCounted()
    {
        // Arrange: a public and an internal service of the root, the internal one with a partner company assigned
        var tree = await TreeAsync();
        var partner = await tree.Samples.OrganizationAsync(tree.Prefix + "-partner", OrganizationKind.Partner, null);
        var otherPartner = await tree.Samples.OrganizationAsync(tree.Prefix + "-other-partner", OrganizationKind.Partner, null);
        await tree.Samples.ServiceAsync("public", tree.Root, isPublic: true);
        await tree.Samples.ServiceAsync("internal", tree.Root, isPublic: false, partners: [partner]);
        var query = new ServiceQuery { OrganizationId = tree.Root };
        var pub = new[] { tree.Prefix + "-public" };
        var both = new[] { tree.Prefix + "-internal", tree.Prefix + "-public" };

        // Act and assert
        Assert.Equal(pub, Keys(await ListAsync(query, Anonymous)));
        Assert.Equal(1, (await ListAsync(query, Anonymous)).Total);
        Assert.Equal(0, (await ListAsync(query with { IsPublic = false }, Anonymous)).Total);
        Assert.Equal(pub, Keys(await ListAsync(query, Scope(Roles.ServiceOwner, owned: [tree.Sibling]))));
        Assert.Equal(pub, Keys(await ListAsync(query, Scope(Roles.Partner, partners: [otherPartner]))));
        Assert.Equal(both, Keys(await ListAsync(query, Scope(Roles.ServiceOwner, owned: [tree.Root]))));
        Assert.Equal(both, Keys(await ListAsync(query, Scope(Roles.Partner, partners: [partner]))));
        Assert.Equal(both, Keys(await ListAsync(query, Scope(Roles.Reviewer))));
        Assert.Empty((await ListAsync(query with { Text = tree.Prefix + "-internal" }, Anonymous)).Items);
    }

    [Fact]
    public async Task Find_InternalService_NullForThoseWhoMayNotSeeIt()
    {
        var tree = await TreeAsync();
        var partner = await tree.Samples.OrganizationAsync(tree.Prefix + "-partner", OrganizationKind.Partner, null);
        var key = (await tree.Samples.ServiceAsync("internal", tree.Root, isPublic: false, partners: [partner])).Key;
        var directory = Directory(out var scope);
        await using var _ = scope;

        Assert.Null(await directory.FindAsync(key, Anonymous));
        Assert.Null(await directory.FindAsync(key, Scope(Roles.ServiceOwner, owned: [tree.Sibling])));
        Assert.Null(await directory.FindAsync(key, Scope(Roles.Partner, partners: [tree.Root])));
        Assert.NotNull(await directory.FindAsync(key, Scope(Roles.Partner, partners: [partner])));
        Assert.NotNull(await directory.FindAsync(key, Scope(Roles.ServiceOwner, owned: [tree.Root])));
        Assert.NotNull(await directory.FindAsync(key, Scope(Roles.Reviewer)));
    }

    [Theory]
    [InlineData("no-such-service")]
    [InlineData("Not A Key")]
    [InlineData("")]
    public async Task Find_UnknownOrMalformedKey_Null(string key)
    {
        var directory = Directory(out var scope);
        await using var _ = scope;

        Assert.Null(await directory.FindAsync(key, Everyone));
    }

    [Fact]
    public async Task Find_PublicService_LoadsOwnerPartnersPhaseHistoryAndKpis()
    {
        // Arrange
        var tree = await TreeAsync();
        var partner = await tree.Samples.OrganizationAsync(tree.Prefix + "-partner", OrganizationKind.Partner, null);
        var service = await tree.Samples.ServiceAsync("full", tree.Root, partners: [partner]);
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            db.ServicePhaseChanges.Add(new ServicePhaseChange { ServiceId = service.Id, Phase = ServicePhase.Operation, EnteredOn = new DateOnly(2025, 4, 1) });
            db.ServiceKpis.Add(new ServiceKpi { ServiceId = service.Id, FiscalYear = 2025, AnnualApplications = 100, DigitalApplications = 40 });
            await db.SaveChangesAsync();
        }

        // Act
        var directory = Directory(out var readScope);
        await using var _ = readScope;
        var found = await directory.FindAsync(service.Key, Anonymous);

        // Assert
        Assert.NotNull(found);
        Assert.Equal(tree.Prefix + "-root", found.OwnerOrganization?.Key);
        Assert.Equal([tree.Prefix + "-partner"], found.Partners.Select(p => p.Organization?.Key));
        Assert.Equal([ServicePhase.Operation], found.PhaseChanges.Select(c => c.Phase));
        Assert.Equal(40m, found.Kpis.Single().DigitalTakeUpPercent);
    }

    [Fact]
    public async Task Assessments_InProgress_OnlyForTheTeamAndReviewers()
    {
        var tree = await TreeAsync();
        var service = await tree.Samples.ServiceAsync("assessed", tree.Root);
        var start = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        await tree.Samples.AssessmentAsync(service.Id, AssessmentStatus.Published, Rag.Amber, start);
        await tree.Samples.AssessmentAsync(service.Id, AssessmentStatus.Draft, null, start.AddMonths(1));
        var directory = Directory(out var scope);
        await using var _ = scope;
        var loaded = (await directory.FindAsync(service.Key, Everyone))!;

        var anonymous = await directory.AssessmentsAsync(loaded, Anonymous);
        var owner = await directory.AssessmentsAsync(loaded, Scope(Roles.ServiceOwner, owned: [tree.Root]));
        var reviewer = await directory.AssessmentsAsync(loaded, Scope(Roles.Reviewer));

        Assert.Equal([AssessmentStatus.Published], anonymous.Select(a => a.Status));
        Assert.Equal([AssessmentStatus.Draft, AssessmentStatus.Published], owner.Select(a => a.Status));
        Assert.Equal(2, reviewer.Count);
        Assert.Equal("1.1.0", anonymous[0].CatalogVersion);
    }

    [Fact]
    public async Task OpenActions_ClosedItems_AreLeftOutAndOverdueComeFirst()
    {
        var tree = await TreeAsync();
        var service = await tree.Samples.ServiceAsync("actions", tree.Root);
        await AddActionAsync(tree, service.Id, ActionItemStatus.Open, overdue: false, title: "later");
        await AddActionAsync(tree, service.Id, ActionItemStatus.InProgress, overdue: true, title: "late");
        await AddActionAsync(tree, service.Id, ActionItemStatus.WontDo, overdue: false, title: "dropped");
        await AddActionAsync(tree, service.Id, ActionItemStatus.Done, overdue: true, title: "done");
        var directory = Directory(out var scope);
        await using var _ = scope;

        var open = await directory.OpenActionsAsync(service.Id);

        Assert.Equal(["late", "later"], open.Select(a => a.Title));
    }

    private sealed record Tree(RegisterSamples Samples, Guid Root, Guid Child, Guid Sibling)
    {
        public string Prefix => Samples.Prefix;
    }

    private static ServiceScope Scope(string role, Guid[]? owned = null, Guid[]? partners = null) =>
        new(new Viewer(Guid.NewGuid(), new HashSet<string>([role], StringComparer.Ordinal)), (owned ?? []).ToHashSet(), (partners ?? []).ToHashSet());

    private static List<string> Keys(ServicePage page) => [.. page.Items.Select(i => i.Service.Key)];

    private ServiceDirectory Directory(out AsyncServiceScope scope)
    {
        scope = fixture.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<ServiceDirectory>();
    }

    private async Task<ServicePage> ListAsync(ServiceQuery query, ServiceScope viewer)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ServiceDirectory>().ListAsync(query, viewer);
    }

    private async Task<Tree> TreeAsync()
    {
        var samples = new RegisterSamples(fixture.Services);
        var (root, child) = await samples.TreeAsync();
        var sibling = await samples.OrganizationAsync(samples.Prefix + "-sibling", OrganizationKind.Bureau, null);
        return new Tree(samples, root, child, sibling);
    }

    private static Task<ActionItem> AddActionAsync(Tree tree, Guid serviceId, ActionItemStatus status, bool overdue, string title = "対応する") =>
        tree.Samples.ActionAsync(serviceId, title, overdue, status, overdue ? new DateOnly(2025, 1, 1) : new DateOnly(2099, 1, 1));
}

public sealed class ServiceDirectoryTests_Sqlite(SqliteCoreFixture fixture) : ServiceDirectoryTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class ServiceDirectoryTests_Postgres(PostgresCoreFixture fixture) : ServiceDirectoryTests(fixture), IClassFixture<PostgresCoreFixture>;
