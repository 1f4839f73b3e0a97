using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;

namespace Shishin.Core.Data;

/// <summary>Applies migrations and loads reference data (roles, organisations). Safe to run on every start.</summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<UserAdministrationService>()
            .EnsureRolesAsync();
        var seeded = await scope.ServiceProvider.GetRequiredService<OrganizationService>().SeedAsync(cancellationToken);
        if (seeded > 0)
        {
            logger.LogInformation("Seeded {Count} organisations", seeded);
        }

        // Only an empty catalogue is seeded: what admins published or drafted is never overwritten.
        if (await scope.ServiceProvider.GetRequiredService<CatalogService>().SeedDefaultAsync(cancellationToken))
        {
            logger.LogInformation("Loaded the default guideline catalogue");
        }
    }
}
