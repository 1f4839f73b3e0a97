using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Tests;

namespace Shishin.Core.Tests.Catalog;

public abstract class ProposalNumberTests(CoreFixture fixture)
{
    private static readonly int[] OldNumbers = [1, 2, 5];

    [Fact]
    public async Task Create_DatabaseWithNumbersFromBeforeTheCounter_ContinuesAfterTheHighest()
    {
        // Arrange: proposals numbered by the old MAX+1 code, and no counter row yet
        var baseVersion = await InScope(async sp => (await sp.GetRequiredService<CatalogService>().GetCurrentAsync())!.Id);
        await InScope(async sp =>
        {
            var db = sp.GetRequiredService<ShishinDbContext>();
            await db.Counters.Where(c => c.Name == "ChangeProposal.Number").ExecuteDeleteAsync();
            foreach (var number in OldNumbers)
            {
                db.ChangeProposals.Add(new ChangeProposal
                {
                    Number = number, Kind = ProposalKind.Change, CheckpointId = "P1-01", Summary = "Old", TitleEn = "Old",
                    Rationale = "Old", ProposerName = "old", CreatedAt = DateTime.UtcNow, BaseVersionId = baseVersion,
                });
            }

            return await db.SaveChangesAsync();
        });

        // Act
        var first = await InScope(sp => sp.GetRequiredService<ProposalService>().CreateAsync(Input(), new(Guid.NewGuid(), "Proposer")));
        var second = await InScope(sp => sp.GetRequiredService<ProposalService>().CreateAsync(Input(), new(Guid.NewGuid(), "Proposer")));

        // Assert
        Assert.Equal(6, first.Number);
        Assert.Equal(7, second.Number);
        Assert.Equal(7, await InScope(sp => sp.GetRequiredService<ShishinDbContext>().Counters.Where(c => c.Name == "ChangeProposal.Number").Select(c => c.Value).SingleAsync()));
    }

    private static ProposalInput Input() => new(ProposalKind.Change, "P1-01", null, null, "Clearer title", new("", "A clearer title"),
        new("", ""), new("", ""), [], null, "The title is hard to read.", null);

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "test";
        return await action(scope.ServiceProvider);
    }
}

public sealed class ProposalNumberTests_Sqlite(SqliteCoreFixture fixture) : ProposalNumberTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class ProposalNumberTests_Postgres(PostgresCoreFixture fixture) : ProposalNumberTests(fixture), IClassFixture<PostgresCoreFixture>;
