using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Catalog;

/// <summary>
/// Many people proposing at the same moment: numbers stay unique and gap-free, and the audit log records exactly one
/// "created" event per proposal, with the number the proposal really got.
/// </summary>
public abstract class ProposalConcurrencyTests(ShishinAppFactory app)
{
    private const int Writers = 8;
    private const int ProposalsPerWriter = 10;

    [Fact]
    public async Task CreateProposal_EightConcurrentWriters_EverySucceedsWithOneCreatedEventAndGapFreeNumbers()
    {
        // Arrange: each writer is a different person with their own session and antiforgery token
        var writers = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < Writers; i++)
        {
            var email = $"writer{i}-{Guid.NewGuid():N}@example.jp";
            await app.CreateUserAsync(email, [Roles.Reviewer]);
            var client = await app.SignInAsync(email);
            writers.Add((client, await client.AntiforgeryTokenAsync("/proposals/new?owner=UX")));
        }

        using var start = new SemaphoreSlim(0, Writers);

        // Act: all writers post their proposals at once
        var runs = writers.Select((writer, w) => Task.Run(async () =>
        {
            await start.WaitAsync();
            var statuses = new List<HttpStatusCode>();
            for (var n = 0; n < ProposalsPerWriter; n++)
            {
                using var response = await writer.Client.PostAsync("/proposals/new", new FormUrlEncodedContent(Fields(w, n, writer.Token)));
                statuses.Add(response.StatusCode);
            }

            return statuses;
        })).ToList();
        start.Release(Writers);
        var statuses = (await Task.WhenAll(runs)).SelectMany(s => s).ToList();

        // Assert
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var proposals = await db.ChangeProposals.AsNoTracking().ToDictionaryAsync(p => p.Id.ToString(), p => p.Number);
        Assert.Equal(Writers * ProposalsPerWriter, proposals.Count);
        Assert.Equal(Enumerable.Range(1, proposals.Count), proposals.Values.Order());

        var created = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "ChangeProposal.created").ToListAsync();
        Assert.Equal(proposals.Count, created.Count);
        Assert.All(created, e =>
        {
            Assert.True(proposals.TryGetValue(e.EntityId!, out var number), $"An audit event names proposal {e.EntityId}, which does not exist.");
            Assert.Equal(number, JsonDocument.Parse(e.After!).RootElement.GetProperty("Number").GetInt32());
        });
    }

    private static List<KeyValuePair<string, string>> Fields(int writer, int n, string token) =>
    [
        new("Input.Kind", "New"),
        new("Input.Owner", "UX"),
        new("Input.Summary", string.Create(CultureInfo.InvariantCulture, $"Writer {writer}, proposal {n}")),
        new("Input.TitleJa", "小さな画面でのフォームの確認"),
        new("Input.TitleEn", "Forms checked on small screens"),
        new("Input.GuidanceJa", "スマートフォンの幅で、すべての入力欄とボタンが使えることを確かめます。"),
        new("Input.GuidanceEn", "Check at phone width that every field and button can be used."),
        new("Input.EvidenceJa", "小さな画面での確認の記録があります。"),
        new("Input.EvidenceEn", "There is a record of the small-screen check."),
        new("Input.Phases", "development"),
        new("Input.CheckType", "H"),
        new("Input.Rationale", "Most of our users apply from a phone."),
        new("__RequestVerificationToken", token),
    ];
}

public sealed class ProposalConcurrencyTests_Sqlite(SqliteAppFactory app) : ProposalConcurrencyTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ProposalConcurrencyTests_Postgres(PostgresAppFactory app) : ProposalConcurrencyTests(app), IClassFixture<PostgresAppFactory>;
