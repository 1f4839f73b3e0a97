using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;

namespace Shishin.Core.Data;

/// <summary>
/// Applies migrations, grants the application role its privileges (PostgreSQL) and loads reference data (roles,
/// organisations). Safe to run on every start.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    // PostgreSQL's insufficient_privilege.
    private const string InsufficientPrivilege = "42501";

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var settings = options.Value;
        var postgres = settings.Provider == DatabaseProvider.Postgres;
        if (postgres && !string.IsNullOrWhiteSpace(settings.OwnerConnectionString))
        {
            // Everything in this scope (migrations, grants, seed data) runs as the owner; the rest of the application
            // keeps its own connection, which cannot alter the schema.
            db.Database.SetConnectionString(settings.OwnerConnectionString);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        // Nothing to apply: skip Migrate, which takes a lock on the history table that the application role may not take.
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            catch (DbException e) when (postgres && e.SqlState == InsufficientPrivilege)
            {
                throw new InvalidOperationException(
                    "The database has pending migrations, and this connection may not change the schema. Run `shishin db migrate` " +
                    $"as the owner, or set ConnectionStrings:{DatabaseOptions.OwnerConnectionStringName} (docs/postgresql.md).", e);
            }
        }

        if (postgres && !string.IsNullOrWhiteSpace(settings.ApplicationRole))
        {
            await PostgresPrivileges.GrantAsync(db, settings.ApplicationRole, logger, cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<UserAdministrationService>()
            .EnsureRolesAsync();
        var seeded = await scope.ServiceProvider.GetRequiredService<OrganizationService>().SeedAsync(cancellationToken);
        if (seeded > 0)
        {
            logger.LogInformation("Seeded {Count} organisations", seeded);
        }

        // Only an empty catalogue is seeded; a newer default reaches an existing one as a draft, once. What admins
        // published, drafted or discarded is never overwritten.
        switch (await scope.ServiceProvider.GetRequiredService<CatalogService>().SeedDefaultAsync(cancellationToken))
        {
            case DefaultCatalogOutcome.Seeded:
                logger.LogInformation("Loaded the default guideline catalogue");
                break;
            case DefaultCatalogOutcome.OfferedAsDraft:
                logger.LogInformation("A newer default guideline catalogue is now the draft, for the guideline owners to review and publish");
                break;
        }
    }
}
