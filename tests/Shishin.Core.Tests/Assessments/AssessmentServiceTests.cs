using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Jobs;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Core.Tests.Assessments;

/// <summary>
/// The assessment workflow on a fresh real database per test, with real accounts and memberships resolved by
/// <see cref="ServiceAccess"/>: who may do which step, and what each step leaves behind.
/// </summary>
public abstract class AssessmentServiceTests(TestProvider provider) : IAsyncLifetime
{
    private sealed record Person(Guid Id, string Name, string[] Roles);

    /// <summary>A clock the test moves; starts on Tuesday 2026-04-28 at 10:00 in Tokyo, the day before Showa Day.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 4, 28, 1, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly TestDatabase database = TestDatabase.Create(provider);
    private readonly ManualClock clock = new();
    private ServiceProvider services = default!;
    private static readonly Person Anonymous = new(Guid.Empty, "anonymous", []);
    private Person owner = default!;
    private Person otherOwner = default!;
    private Person partner = default!;
    private Person reviewer = default!;
    private Person secondReviewer = default!;
    private Person admin = default!;
    private const string Key = "flow-service";

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddShishinCore(configuration);
        collection.AddShishinJobs(configuration, JobsHost.Command);
        collection.AddSingleton<TimeProvider>(clock);
        services = collection.BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        await using var scope = services.CreateAsyncScope();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var chiyoda = (await organizations.FindByKeyAsync("chiyoda"))!.Id;
        var minato = (await organizations.FindByKeyAsync("minato"))!.Id;
        var vendor = (await organizations.CreateAsync(new OrganizationInput("flow-vendor", OrganizationKind.Partner, "試験ベンダー", "Test vendor", null, null))).Id;
        owner = await PersonAsync(scope.ServiceProvider, "owner", Roles.ServiceOwner, chiyoda);
        otherOwner = await PersonAsync(scope.ServiceProvider, "other-owner", Roles.ServiceOwner, minato);
        partner = await PersonAsync(scope.ServiceProvider, "partner", Roles.Partner, vendor);
        reviewer = await PersonAsync(scope.ServiceProvider, "reviewer", Roles.Reviewer, null);
        secondReviewer = await PersonAsync(scope.ServiceProvider, "reviewer-two", Roles.Reviewer, null);
        admin = await PersonAsync(scope.ServiceProvider, "admin", Roles.Admin, null);
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        db.Services.Add(new Service
        {
            Key = Key,
            NameJa = "試験サービス",
            NameEn = "Test service",
            OwnerOrganizationId = chiyoda,
            IsPublic = false,
            Phase = ServicePhase.Development,
            Partners = [new ServicePartner { OrganizationId = vendor }],
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task<Person> PersonAsync(IServiceProvider provider, string name, string role, Guid? organization)
    {
        var accounts = provider.GetRequiredService<UserAdministrationService>();
        var email = $"{name}-{Guid.NewGuid():N}@example.jp";
        Assert.True((await accounts.CreateWithPasswordAsync(email, name, "correct horse battery staple", [role])).Succeeded);
        var user = (await provider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ShishinUser>>().FindByEmailAsync(email))!;
        if (organization is { } id)
        {
            Assert.True((await accounts.SetAccessAsync(user, new UserAccess([role], [id]))).Succeeded);
        }

        return new Person(user.Id, name, [role]);
    }

    /// <summary>Runs one step as <paramref name="who"/> in a scope of its own, as one request would.</summary>
    private async Task<T> As<T>(Person who, Func<AssessmentService, ServiceScope, Task<T>> step)
    {
        await using var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<AuditActor>();
        actor.UserId = who == Anonymous ? null : who.Id;
        actor.Name = who.Name;
        var viewer = who == Anonymous ? Viewer.Anonymous : new Viewer(who.Id, who.Roles.ToHashSet(StringComparer.Ordinal));
        var serviceScope = await scope.ServiceProvider.GetRequiredService<ServiceAccess>().ScopeAsync(viewer);
        return await step(scope.ServiceProvider.GetRequiredService<AssessmentService>(), serviceScope);
    }

    private async Task<T> Db<T>(Func<ShishinDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ShishinDbContext>());
    }

    private static readonly CheckpointAnswer Met = new(CheckpointOutcome.Met, null, "証拠の説明", "https://example.jp/evidence", "メモ");

    private async Task<Assessment> StartAsync(Person who)
    {
        var started = await As(who, (a, s) => a.StartAsync(s, Key, LifecyclePhase.Development));
        Assert.True(started.Succeeded, started.Failure?.Error.ToString());
        return started.Value!;
    }

    private async Task<List<CheckpointResult>> ResultsAsync(Guid id) =>
        await Db(db => db.CheckpointResults.AsNoTracking().Where(r => r.AssessmentId == id).ToListAsync());

    private async Task AnswerAllAsync(Guid id, Person who)
    {
        foreach (var result in await ResultsAsync(id))
        {
            var saved = await As(who, (a, s) => a.SaveResultAsync(s, id, result.CheckpointId, Met, result.Revision));
            Assert.True(saved.Succeeded, saved.Failure?.Error.ToString());
        }
    }

    /// <summary>Started, answered, submitted by the owner and put in review with <see cref="reviewer"/> as lead.</summary>
    private async Task<Guid> InReviewAsync()
    {
        var assessment = await StartAsync(owner);
        await AnswerAllAsync(assessment.Id, partner);
        Assert.True((await As(owner, (a, s) => a.SubmitAsync(s, assessment.Id))).Succeeded);
        var panel = await As(reviewer, (a, s) => a.AssignPanelAsync(s, assessment.Id, [reviewer.Id, secondReviewer.Id], reviewer.Id));
        Assert.True(panel.Succeeded, panel.Failure?.Error.ToString());
        return assessment.Id;
    }

    /// <summary>Rates every checkpoint Green except those given, sets the whole and publishes as the lead.</summary>
    private async Task PublishAsync(Guid id, Rag overall, Dictionary<string, Rag> ratings)
    {
        foreach (var result in await ResultsAsync(id))
        {
            var rag = ratings.TryGetValue(result.CheckpointId, out var r) ? r : Rag.Green;
            var rated = await As(secondReviewer, (a, s) => a.RateAsync(s, id, result.CheckpointId, "パネルのコメント " + result.CheckpointId, rag, result.Revision));
            Assert.True(rated.Succeeded, rated.Failure?.Error.ToString());
        }

        var revision = await Db(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Revision).SingleAsync());
        Assert.True((await As(reviewer, (a, s) => a.SetOverallAsync(s, id, new OverallRating(overall, "よくできた点", "改善すべき点"), revision))).Succeeded);
        var published = await As(reviewer, (a, s) => a.PublishAsync(s, id));
        Assert.True(published.Succeeded, published.Failure?.Error.ToString());
    }

    [Fact]
    public async Task Start_OwnerInDevelopment_PinsThePublishedCatalogueAndListsThePhaseCheckpoints()
    {
        var assessment = await StartAsync(owner);

        var currentVersion = DefaultCatalog.Load().Version;
        var current = await Db(db => db.CatalogVersions.AsNoTracking().SingleAsync(v => v.Status == CatalogVersionStatus.Published && v.Version == currentVersion));
        var expected = AssessmentCheckpoints.For(CatalogJson.Deserialize(current.Document), LifecyclePhase.Development).Select(c => c.Id).Order(StringComparer.Ordinal);
        Assert.Equal(current.Id, assessment.CatalogVersionId);
        Assert.Equal(AssessmentStatus.Draft, assessment.Status);
        Assert.Equal(expected, (await ResultsAsync(assessment.Id)).Select(r => r.CheckpointId).Order(StringComparer.Ordinal));
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task Start_SecondOpenInTheSamePhase_IsRefusedNamingTheOpenOne()
    {
        var first = await StartAsync(owner);

        var second = await As(admin, (a, s) => a.StartAsync(s, Key, LifecyclePhase.Development));

        Assert.Equal(AssessmentError.AlreadyOpen, second.Failure?.Error);
        Assert.Equal([first.Id.ToString()], second.Failure!.Items);
        Assert.True((await As(owner, (a, s) => a.StartAsync(s, Key, LifecyclePhase.Operation))).Succeeded);
    }

    [Fact]
    public async Task Start_RetiredService_IsRefused()
    {
        await Db(async db =>
        {
            await db.Services.Where(s => s.Key == Key).ExecuteUpdateAsync(u => u.SetProperty(s => s.Phase, ServicePhase.Retired));
            return 0;
        });

        var started = await As(owner, (a, s) => a.StartAsync(s, Key, LifecyclePhase.Operation));

        Assert.Equal(AssessmentError.ServiceRetired, started.Failure?.Error);
    }

    [Fact]
    public async Task Workflow_EachRole_MayOnlyTakeItsOwnSteps()
    {
        // Start: the owner and Admin; the partner sees but may not; the other bureau's owner and anonymous see nothing.
        Assert.Equal(AssessmentError.Forbidden, (await As(partner, (a, s) => a.StartAsync(s, Key, LifecyclePhase.Development))).Failure?.Error);
        Assert.Equal(AssessmentError.NotFound, (await As(otherOwner, (a, s) => a.StartAsync(s, Key, LifecyclePhase.Development))).Failure?.Error);
        Assert.Equal(AssessmentError.NotFound, (await As(Anonymous, (a, s) => a.StartAsync(s, Key, LifecyclePhase.Development))).Failure?.Error);
        Assert.Equal(AssessmentError.Forbidden, (await As(reviewer, (a, s) => a.StartAsync(s, Key, LifecyclePhase.Development))).Failure?.Error);
        var id = (await StartAsync(owner)).Id;
        var first = (await ResultsAsync(id)).OrderBy(r => r.CheckpointId, StringComparer.Ordinal).First();

        // Saving a result: the team and the assigned partner; a reviewer sees but may not; others see nothing.
        Assert.Equal(AssessmentError.NotFound, (await As(otherOwner, (a, s) => a.SaveResultAsync(s, id, first.CheckpointId, Met, 0))).Failure?.Error);
        Assert.Equal(AssessmentError.NotFound, (await As(Anonymous, (a, s) => a.SaveResultAsync(s, id, first.CheckpointId, Met, 0))).Failure?.Error);
        Assert.Equal(AssessmentError.Forbidden, (await As(reviewer, (a, s) => a.SaveResultAsync(s, id, first.CheckpointId, Met, 0))).Failure?.Error);
        await AnswerAllAsync(id, partner);

        // Submitting: never the partner or a reviewer.
        Assert.Equal(AssessmentError.Forbidden, (await As(partner, (a, s) => a.SubmitAsync(s, id))).Failure?.Error);
        Assert.Equal(AssessmentError.Forbidden, (await As(reviewer, (a, s) => a.SubmitAsync(s, id))).Failure?.Error);
        Assert.Equal(AssessmentError.NotFound, (await As(otherOwner, (a, s) => a.SubmitAsync(s, id))).Failure?.Error);
        // A panel before submission is a wrong step, not a silent start.
        Assert.Equal(AssessmentError.WrongStatus, (await As(reviewer, (a, s) => a.AssignPanelAsync(s, id, [reviewer.Id], reviewer.Id))).Failure?.Error);
        Assert.True((await As(owner, (a, s) => a.SubmitAsync(s, id))).Succeeded);
        Assert.Equal(AssessmentError.WrongStatus, (await As(owner, (a, s) => a.SubmitAsync(s, id))).Failure?.Error);
        Assert.Equal(AssessmentError.WrongStatus, (await As(partner, (a, s) => a.SaveResultAsync(s, id, first.CheckpointId, Met, first.Revision + 1))).Failure?.Error);

        // The panel: Reviewers and Admins set it; the team and the partner may not; members must be Reviewers.
        Assert.Equal(AssessmentError.Forbidden, (await As(partner, (a, s) => a.AssignPanelAsync(s, id, [reviewer.Id], reviewer.Id))).Failure?.Error);
        Assert.Equal(AssessmentError.Forbidden, (await As(owner, (a, s) => a.AssignPanelAsync(s, id, [reviewer.Id], reviewer.Id))).Failure?.Error);
        Assert.Equal(AssessmentError.PanelInvalid, (await As(reviewer, (a, s) => a.AssignPanelAsync(s, id, [reviewer.Id, owner.Id], reviewer.Id))).Failure?.Error);
        Assert.Equal(AssessmentError.PanelInvalid, (await As(reviewer, (a, s) => a.AssignPanelAsync(s, id, [reviewer.Id], secondReviewer.Id))).Failure?.Error);
        Assert.Equal(AssessmentError.PanelInvalid, (await As(reviewer, (a, s) => a.AssignPanelAsync(s, id, [], null))).Failure?.Error);
        Assert.True((await As(reviewer, (a, s) => a.AssignPanelAsync(s, id, [reviewer.Id, secondReviewer.Id], reviewer.Id))).Succeeded);
        Assert.Equal(AssessmentStatus.InReview, await Db(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        // Rating: panel members and Admins; publishing: the lead and Admins only.
        var rated = (await ResultsAsync(id)).First(r => r.CheckpointId == first.CheckpointId);
        Assert.Equal(AssessmentError.Forbidden, (await As(owner, (a, s) => a.RateAsync(s, id, first.CheckpointId, "x", Rag.Green, rated.Revision))).Failure?.Error);
        Assert.Equal(AssessmentError.Forbidden, (await As(partner, (a, s) => a.RateAsync(s, id, first.CheckpointId, "x", Rag.Green, rated.Revision))).Failure?.Error);
        Assert.True((await As(admin, (a, s) => a.RateAsync(s, id, first.CheckpointId, "x", Rag.Green, rated.Revision))).Succeeded);
        Assert.Equal(AssessmentError.Forbidden, (await As(secondReviewer, (a, s) => a.PublishAsync(s, id))).Failure?.Error);
        Assert.Equal(AssessmentError.Forbidden, (await As(owner, (a, s) => a.PublishAsync(s, id))).Failure?.Error);
        Assert.Equal(AssessmentError.Forbidden, (await As(partner, (a, s) => a.PublishAsync(s, id))).Failure?.Error);
        var unrated = await As(reviewer, (a, s) => a.PublishAsync(s, id));
        Assert.Equal(AssessmentError.Unrated, unrated.Failure?.Error);
        Assert.DoesNotContain(first.CheckpointId, unrated.Failure!.Items);
        Assert.Equal((await ResultsAsync(id)).Count - 1, unrated.Failure.Items.Count);

        await PublishAsync(id, Rag.Green, new Dictionary<string, Rag>());

        // The team's response: the owner only; the partner and reviewers may not.
        Assert.Equal(AssessmentError.Forbidden, (await As(partner, (a, s) => a.RespondAsync(s, id, true, null))).Failure?.Error);
        Assert.Equal(AssessmentError.Forbidden, (await As(reviewer, (a, s) => a.RespondAsync(s, id, true, null))).Failure?.Error);
        Assert.True((await As(owner, (a, s) => a.RespondAsync(s, id, true, null))).Succeeded);
        Assert.Equal(AssessmentError.AlreadyResponded, (await As(owner, (a, s) => a.RespondAsync(s, id, false, "理由"))).Failure?.Error);
        var statuses = await Db(db => db.AuditEvents.Where(e => e.EntityType == nameof(Assessment) && e.EntityId == id.ToString()).CountAsync());
        Assert.True(statuses >= 5, $"Each transition is audited; found {statuses} events.");
    }

    [Fact]
    public async Task SaveResult_BadInput_IsRefusedWithTheField()
    {
        var id = (await StartAsync(owner)).Id;
        var result = (await ResultsAsync(id)).First();

        var noReason = await As(owner, (a, s) => a.SaveResultAsync(s, id, result.CheckpointId, new(CheckpointOutcome.NotApplicable, " ", null, null, null), result.Revision));
        var badLink = await As(owner, (a, s) => a.SaveResultAsync(s, id, result.CheckpointId, new(CheckpointOutcome.Met, null, null, "https://example.jp/a\njavascript:alert(1)\n/relative", null), result.Revision));
        var tooMany = await As(owner, (a, s) => a.SaveResultAsync(s, id, result.CheckpointId,
            new(CheckpointOutcome.Met, null, null, string.Join('\n', Enumerable.Range(1, 21).Select(i => $"https://example.jp/{i}")), null), result.Revision));
        var unknown = await As(owner, (a, s) => a.SaveResultAsync(s, id, "ZZ-99", Met, 0));

        Assert.Equal((AssessmentError.ReasonRequired, "NotApplicableReason"), (noReason.Failure!.Error, noReason.Failure.Field));
        Assert.Equal((AssessmentError.InvalidLink, "Links"), (badLink.Failure!.Error, badLink.Failure.Field));
        Assert.Equal(["javascript:alert(1)", "/relative"], badLink.Failure.Items);
        Assert.Equal(AssessmentError.TooManyLinks, tooMany.Failure?.Error);
        Assert.Equal(AssessmentError.UnknownCheckpoint, unknown.Failure?.Error);
        Assert.Null((await ResultsAsync(id)).Single(r => r.Id == result.Id).Outcome);

        var saved = await As(owner, (a, s) => a.SaveResultAsync(s, id, result.CheckpointId,
            new(CheckpointOutcome.NotApplicable, "窓口のみのため", null, " https://example.jp/a \n\n https://example.jp/b ", null), result.Revision));
        Assert.True(saved.Succeeded);
        Assert.Equal("https://example.jp/a\nhttps://example.jp/b", saved.Value!.EvidenceLinks);
        Assert.Equal(result.Revision + 1, saved.Value.Revision);
    }

    [Fact]
    public async Task Submit_WithUnansweredCheckpoints_ListsThemInCatalogueOrder()
    {
        var id = (await StartAsync(owner)).Id;
        var results = await ResultsAsync(id);
        foreach (var result in results.Skip(2))
        {
            Assert.True((await As(owner, (a, s) => a.SaveResultAsync(s, id, result.CheckpointId, Met, result.Revision))).Succeeded);
        }

        var submitted = await As(owner, (a, s) => a.SubmitAsync(s, id));

        Assert.Equal(AssessmentError.Unanswered, submitted.Failure?.Error);
        Assert.Equal(results.Take(2).Select(r => r.CheckpointId).Order(StringComparer.Ordinal), submitted.Failure!.Items.Order(StringComparer.Ordinal));
        Assert.Equal(AssessmentStatus.Draft, await Db(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task SaveResult_TwoClientsOnOneCheckpoint_SecondGetsTheConflictWithTheFirstsValues()
    {
        var id = (await StartAsync(owner)).Id;
        var result = (await ResultsAsync(id)).First();

        var firstSave = await As(owner, (a, s) => a.SaveResultAsync(s, id, result.CheckpointId, new(CheckpointOutcome.Met, null, "オーナーの証拠", null, null), result.Revision));
        var secondSave = await As(partner, (a, s) => a.SaveResultAsync(s, id, result.CheckpointId, new(CheckpointOutcome.NotMet, null, "パートナーの証拠", null, null), result.Revision));

        Assert.True(firstSave.Succeeded);
        Assert.Equal(AssessmentError.Conflict, secondSave.Failure?.Error);
        Assert.Equal("オーナーの証拠", secondSave.Failure!.Current!.Evidence);
        Assert.Equal(CheckpointOutcome.Met, secondSave.Failure.Current.Outcome);
        Assert.Equal("owner", secondSave.Failure.Current.UpdatedByName);
        var stored = (await ResultsAsync(id)).Single(r => r.Id == result.Id);
        Assert.Equal("オーナーの証拠", stored.Evidence);

        // Saving again on the current revision applies the second person's input deliberately.
        var again = await As(partner, (a, s) => a.SaveResultAsync(s, id, result.CheckpointId, new(CheckpointOutcome.NotMet, null, "パートナーの証拠", null, null), secondSave.Failure.Current.Revision));
        Assert.True(again.Succeeded);
        Assert.Equal("パートナーの証拠", (await ResultsAsync(id)).Single(r => r.Id == result.Id).Evidence);
    }

    [Fact]
    public async Task Publish_AmberCheckpointsAndAmberOverall_CreateActionItemsDueInThreeMonths()
    {
        var id = await InReviewAsync();
        var amber = (await ResultsAsync(id)).Select(r => r.CheckpointId).Order(StringComparer.Ordinal).Take(2).ToList();

        await PublishAsync(id, Rag.Amber, amber.ToDictionary(c => c, _ => Rag.Amber));

        var assessment = await Db(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id));
        var items = await Db(db => db.ActionItems.AsNoTracking().Where(a => a.AssessmentId == id).ToListAsync());
        Assert.Equal(AssessmentStatus.Published, assessment.Status);
        Assert.Equal(new DateOnly(2026, 5, 18), assessment.ResponseDueOn);
        Assert.Equal(amber.Cast<string?>().Append(null).Order(), items.Select(i => i.CheckpointId).Order());
        Assert.All(items, i =>
        {
            Assert.Equal(new DateOnly(2026, 7, 28), i.DueOn);
            Assert.Equal(ActionItemStatus.Open, i.Status);
            Assert.Equal(owner.Id, i.OwnerId);
        });
        Assert.StartsWith(amber[0] + " ", items.Single(i => i.CheckpointId == amber[0]).Title, StringComparison.Ordinal);
        Assert.Equal("パネルのコメント " + amber[0], items.Single(i => i.CheckpointId == amber[0]).Description);
    }

    [Fact]
    public async Task StartReassessment_PublishedRed_HoldsOnlyTheRedCheckpointsAndLinksTheOriginal()
    {
        var id = await InReviewAsync();
        var all = (await ResultsAsync(id)).Select(r => r.CheckpointId).Order(StringComparer.Ordinal).ToList();
        var red = new[] { all[1], all[3] };
        Assert.Equal(AssessmentError.WrongStatus, (await As(owner, (a, s) => a.RespondAsync(s, id, true, null))).Failure?.Error);
        Assert.Equal(AssessmentError.NotRed, (await As(owner, (a, s) => a.StartReassessmentAsync(s, id))).Failure?.Error);

        await PublishAsync(id, Rag.Red, new Dictionary<string, Rag> { [red[0]] = Rag.Red, [red[1]] = Rag.Red, [all[0]] = Rag.Amber });
        Assert.Equal(AssessmentError.Forbidden, (await As(partner, (a, s) => a.StartReassessmentAsync(s, id))).Failure?.Error);
        var again = await As(owner, (a, s) => a.StartReassessmentAsync(s, id));

        Assert.True(again.Succeeded, again.Failure?.Error.ToString());
        var original = await Db(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(id, again.Value!.ReassessmentOfId);
        Assert.Equal(original.CatalogVersionId, again.Value.CatalogVersionId);
        Assert.Equal(AssessmentStatus.Draft, again.Value.Status);
        Assert.Equal(red, (await ResultsAsync(again.Value.Id)).Select(r => r.CheckpointId).Order(StringComparer.Ordinal));
        Assert.Equal(AssessmentError.AlreadyOpen, (await As(owner, (a, s) => a.StartReassessmentAsync(s, id))).Failure?.Error);
    }

    [Fact]
    public async Task Respond_ChallengeOnTheLastDayAfterGoldenWeek_ReturnsToThePanelWhichPublishesAgain()
    {
        var id = await InReviewAsync();
        await PublishAsync(id, Rag.Green, new Dictionary<string, Rag>());
        Assert.Equal(new DateOnly(2026, 5, 18), await Db(db => db.Assessments.Where(a => a.Id == id).Select(a => a.ResponseDueOn).SingleAsync()));

        // 23:30 in Tokyo on the due date is still inside the window.
        clock.Now = new DateTimeOffset(2026, 5, 18, 14, 30, 0, TimeSpan.Zero);
        Assert.Equal(AssessmentError.ChallengeReasonRequired, (await As(owner, (a, s) => a.RespondAsync(s, id, false, "  "))).Failure?.Error);
        var challenged = await As(owner, (a, s) => a.RespondAsync(s, id, false, "P3-01 の証拠を見落としています。"));

        Assert.True(challenged.Succeeded);
        var back = await Db(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal((AssessmentStatus.InReview, TeamResponse.Challenged, "P3-01 の証拠を見落としています。"), (back.Status, back.TeamResponse, back.TeamResponseReason));
        Assert.Equal(AssessmentError.WrongStatus, (await As(owner, (a, s) => a.RespondAsync(s, id, true, null))).Failure?.Error);

        var published = await As(reviewer, (a, s) => a.PublishAsync(s, id));
        Assert.True(published.Succeeded);
        var again = await Db(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal((AssessmentStatus.Published, TeamResponse.None), (again.Status, again.TeamResponse));
        // Published again late on Monday 18 May in Tokyo: a new window of ten working days, to 1 June.
        Assert.Equal(new DateOnly(2026, 6, 1), again.ResponseDueOn);
    }

    [Fact]
    public async Task Respond_TheDayAfterTheDueDate_IsRefused()
    {
        var id = await InReviewAsync();
        await PublishAsync(id, Rag.Green, new Dictionary<string, Rag>());

        // 00:30 on 19 May in Tokyo.
        clock.Now = new DateTimeOffset(2026, 5, 18, 15, 30, 0, TimeSpan.Zero);
        var late = await As(owner, (a, s) => a.RespondAsync(s, id, true, null));

        Assert.Equal(AssessmentError.ResponseWindowClosed, late.Failure?.Error);
        Assert.Equal(["2026-05-18"], late.Failure!.Items);
        Assert.Equal(TeamResponse.None, await Db(db => db.Assessments.Where(a => a.Id == id).Select(a => a.TeamResponse).SingleAsync()));
    }

    [Fact]
    public async Task Publish_AtTheYearEnd_TheWindowSkipsTheClosureAndComingOfAgeDay()
    {
        var id = await InReviewAsync();
        clock.Now = new DateTimeOffset(2025, 12, 24, 3, 0, 0, TimeSpan.Zero);

        await PublishAsync(id, Rag.Green, new Dictionary<string, Rag>());

        Assert.Equal(new DateOnly(2026, 1, 15), await Db(db => db.Assessments.Where(a => a.Id == id).Select(a => a.ResponseDueOn).SingleAsync()));
    }
}

public sealed class AssessmentServiceTests_Sqlite() : AssessmentServiceTests(TestProvider.Sqlite);

public sealed class AssessmentServiceTests_Postgres() : AssessmentServiceTests(TestProvider.Postgres);
