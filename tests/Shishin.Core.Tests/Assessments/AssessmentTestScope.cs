using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;

namespace Shishin.Core.Tests.Assessments;

/// <summary>The viewers of the assessment tests, as scopes: nobody, a service owner of one organisation, a partner company's member, a reviewer, an admin.</summary>
internal static class Scopes
{
    public static ServiceScope Anonymous => new(Viewer.Anonymous, new HashSet<Guid>(), new HashSet<Guid>());

    public static ServiceScope Owner(Guid organization) => new(Person(Roles.ServiceOwner), new HashSet<Guid> { organization }, new HashSet<Guid>());

    public static ServiceScope Partner(Guid company) => new(Person(Roles.Partner), new HashSet<Guid>(), new HashSet<Guid> { company });

    public static ServiceScope Reviewer => new(Person(Roles.Reviewer), new HashSet<Guid>(), new HashSet<Guid>());

    public static ServiceScope Admin => new(Person(Roles.Admin), new HashSet<Guid>(), new HashSet<Guid>());

    private static Viewer Person(string role) => new(Guid.NewGuid(), new HashSet<string>(StringComparer.Ordinal) { role });

    public static async Task<Guid> OrganizationAsync(IServiceProvider services, string key)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Organizations.Where(o => o.Key == key).Select(o => o.Id).SingleAsync();
    }

    public static async Task<Guid> PartnerCompanyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var key = "partner-" + Guid.NewGuid().ToString("N")[..8];
        return (await organizations.CreateAsync(new OrganizationInput(key, OrganizationKind.Partner, "試験 株式会社", "Test Co.", null, null))).Id;
    }
}
