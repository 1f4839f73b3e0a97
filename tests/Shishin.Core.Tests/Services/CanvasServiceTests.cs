using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Core.Tests.Services;

/// <summary>Revisions of the canvas on a real database: numbering, conflicts on a stale base, races, limits.</summary>
public abstract class CanvasServiceTests(CoreFixture fixture)
{
    private static readonly CanvasAuthor Hanako = new(Guid.NewGuid(), "山田 花子");
    private static readonly CanvasAuthor Taro = new(Guid.NewGuid(), "佐藤 太郎");

    private async Task<T> InScope<T>(Func<CanvasService, Task<T>> action)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "test";
        return await action(scope.ServiceProvider.GetRequiredService<CanvasService>());
    }

    /// <summary>A service of its own for each test, so the tests share one database.</summary>
    private async Task<Guid> NewServiceAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "test";
        var chiyoda = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync("chiyoda"))!;
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var service = new Service
        {
            Key = "canvas-" + Guid.NewGuid().ToString("N")[..12],
            NameJa = "保育園の入園申込み",
            NameEn = "Nursery school application",
            OwnerOrganizationId = chiyoda.Id,
            Phase = ServicePhase.Development,
        };
        db.Services.Add(service);
        await db.SaveChangesAsync();
        return service.Id;
    }

    private static ServiceCanvas Canvas(string purpose, string risks = "") => new() { Purpose = purpose, Risks = risks };

    [Fact]
    public async Task SaveAsync_FirstAndNextSaves_NumbersRevisionsFromOneWithAuthors()
    {
        var service = await NewServiceAsync();

        var first = await InScope(c => c.SaveAsync(service, 0, Canvas("申込みを簡単にする"), Hanako));
        var second = await InScope(c => c.SaveAsync(service, 1, Canvas("申込みをオンラインで簡単にする"), Taro));

        Assert.Equal((CanvasSaveStatus.Saved, 1), (first.Status, first.Revision!.Number));
        Assert.Equal((CanvasSaveStatus.Saved, 2), (second.Status, second.Revision!.Number));
        var history = await InScope(c => c.ListAsync(service));
        Assert.Equal([(2, "佐藤 太郎", Taro.UserId), (1, "山田 花子", Hanako.UserId)], history.Select(r => (r.Number, r.AuthorName, r.AuthorId)));
        Assert.Equal("申込みを簡単にする", (await InScope(c => c.GetAsync(service, 1)))!.Canvas.Purpose);
        Assert.Equal("申込みをオンラインで簡単にする", (await InScope(c => c.GetLatestAsync(service)))!.Canvas.Purpose);
        Assert.Null(await InScope(c => c.GetAsync(service, 3)));
    }

    [Fact]
    public async Task SaveAsync_StaleBase_IsAConflictWithTheirRevisionAndWritesNothing()
    {
        var service = await NewServiceAsync();
        await InScope(c => c.SaveAsync(service, 0, Canvas("目的"), Hanako));
        // Both start from revision 1; Hanako saves first.
        await InScope(c => c.SaveAsync(service, 1, Canvas("目的", risks: "花子のリスク"), Hanako));

        var taros = Canvas("目的（太郎の案）");
        var result = await InScope(c => c.SaveAsync(service, 1, taros, Taro));

        Assert.Equal(CanvasSaveStatus.Conflict, result.Status);
        Assert.Equal((2, "花子のリスク"), (result.Revision!.Number, result.Revision.Canvas.Risks));
        Assert.Equal("目的（太郎の案）", taros.Purpose);
        Assert.Equal([2, 1], (await InScope(c => c.ListAsync(service))).Select(r => r.Number));
    }

    [Fact]
    public async Task SaveAsync_EightEditorsFromTheSameRevisionAtOnce_ExactlyOneSavesAndTheRestConflict()
    {
        var service = await NewServiceAsync();
        await InScope(c => c.SaveAsync(service, 0, Canvas("目的"), Hanako));
        using var start = new SemaphoreSlim(0, 8);

        var saves = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await InScope(c => c.SaveAsync(service, 1, Canvas($"編集者 {i} の目的"), new CanvasAuthor(null, $"編集者 {i}")));
        })).ToList();
        start.Release(8);
        var results = await Task.WhenAll(saves);

        var saved = Assert.Single(results, r => r.Status == CanvasSaveStatus.Saved);
        Assert.All(results.Where(r => r != saved), r => Assert.Equal(CanvasSaveStatus.Conflict, r.Status));
        Assert.All(results.Where(r => r != saved), r => Assert.Equal(saved.Revision!.Canvas.Purpose, r.Revision!.Canvas.Purpose));
        Assert.Equal([2, 1], (await InScope(c => c.ListAsync(service))).Select(r => r.Number));
    }

    [Fact]
    public async Task SaveAsync_NothingChanged_IsUnchangedAndWritesNoRevision()
    {
        var service = await NewServiceAsync();
        await InScope(c => c.SaveAsync(service, 0, Canvas("目的"), Hanako));

        var result = await InScope(c => c.SaveAsync(service, 1, Canvas("  目的\r\n"), Taro));

        Assert.Equal((CanvasSaveStatus.Unchanged, 1), (result.Status, result.Revision!.Number));
        Assert.Single(await InScope(c => c.ListAsync(service)));
    }

    [Fact]
    public async Task SaveAsync_TooManyHypotheses_IsInvalidAndWritesNothing()
    {
        var service = await NewServiceAsync();
        var canvas = Canvas("目的");
        canvas.Hypotheses = [.. Enumerable.Range(1, CanvasFields.MaxHypotheses + 1).Select(i => new CanvasHypothesis { Statement = $"仮説 {i}" })];

        var result = await InScope(c => c.SaveAsync(service, 0, canvas, Hanako));

        Assert.Equal(CanvasSaveStatus.Invalid, result.Status);
        Assert.Equal([CanvasFields.Hypotheses], result.Issues.Select(i => i.Field));
        Assert.Empty(await InScope(c => c.ListAsync(service)));
    }

    [Fact]
    public async Task SaveAsync_HypothesesAndLongTexts_RoundTripWithEmptyRowsLeftOut()
    {
        var service = await NewServiceAsync();
        var canvas = new ServiceCanvas
        {
            TargetUsers = new string('人', CanvasFields.MaxTextLength),
            Hypotheses = [new() { Statement = "夜間に申請したい", Test = "アクセスログ" }, new(), new() { Statement = "書類が多すぎる", Result = "平均7点" }],
        };

        await InScope(c => c.SaveAsync(service, 0, canvas, Hanako));
        var stored = (await InScope(c => c.GetLatestAsync(service)))!.Canvas;

        Assert.Equal(CanvasFields.MaxTextLength, stored.TargetUsers.Length);
        Assert.Equal(["夜間に申請したい", "書類が多すぎる"], stored.Hypotheses.Select(h => h.Statement));
        Assert.Equal(("アクセスログ", "平均7点"), (stored.Hypotheses[0].Test, stored.Hypotheses[1].Result));
    }

    [Fact]
    public async Task FindServiceAsync_MalformedOrUnknownKey_IsNull()
    {
        Assert.Null(await InScope(c => c.FindServiceAsync("../etc")));
        Assert.Null(await InScope(c => c.FindServiceAsync("no-such-service")));
        Assert.Null(await InScope(c => c.FindServiceAsync(null)));
    }
}

public sealed class CanvasServiceTests_Sqlite(SqliteCoreFixture fixture) : CanvasServiceTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class CanvasServiceTests_Postgres(PostgresCoreFixture fixture) : CanvasServiceTests(fixture), IClassFixture<PostgresCoreFixture>;
