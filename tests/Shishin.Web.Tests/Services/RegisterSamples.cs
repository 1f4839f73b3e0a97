using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Web.Tests.Services;

/// <summary>
/// Sample data for the register's page and API tests, written straight to the app's database. Each test makes its own
/// bureau (with a division under it) and filters by it, so tests sharing an app do not see each other's services.
/// </summary>
internal sealed class RegisterSamples(ShishinAppFactory app)
{
    public string Prefix { get; } = "s" + Guid.NewGuid().ToString("N")[..10];

    public string RootKey => Prefix + "-root";

    public string ChildKey => Prefix + "-child";

    public async Task<(Guid Root, Guid Child)> TreeAsync()
    {
        var root = await OrganizationAsync(RootKey, OrganizationKind.Bureau, null);
        var child = await OrganizationAsync(ChildKey, OrganizationKind.Bureau, root);
        return (root, child);
    }

    public async Task<Guid> OrganizationAsync(string key, OrganizationKind kind, Guid? parent)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        return (await organizations.CreateAsync(new OrganizationInput(key, kind, key + " 局", key + " Bureau", null, parent))).Id;
    }

    public async Task<Service> ServiceAsync(
        string suffix, Guid owner, bool isPublic = true, ServicePhase phase = ServicePhase.Operation, ServiceChannel channel = ServiceChannel.Web,
        string? nameJa = null, string? nameEn = null, Guid[]? partners = null, string entryUrls = "", Action<Service>? more = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var key = Prefix + "-" + suffix;
        var service = new Service
        {
            Key = key,
            NameJa = nameJa ?? "試験サービス " + key,
            NameEn = nameEn ?? "Test service " + key,
            OwnerOrganizationId = owner,
            IsPublic = isPublic,
            Phase = phase,
            Channel = channel,
            EntryUrls = entryUrls,
            Partners = [.. (partners ?? []).Select(p => new ServicePartner { OrganizationId = p })],
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        more?.Invoke(service);
        db.Services.Add(service);
        await db.SaveChangesAsync();
        return service;
    }

    public async Task ActionAsync(Guid serviceId, string title, bool overdue, ActionItemStatus status = ActionItemStatus.Open)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        db.ActionItems.Add(new ActionItem { ServiceId = serviceId, Title = title, Status = status, IsOverdue = overdue, DueOn = new DateOnly(2025, 7, 1) });
        await db.SaveChangesAsync();
    }

    public async Task<Guid> AssessmentAsync(Guid serviceId, AssessmentStatus status, Rag? rag)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var version = await db.CatalogVersions.AsNoTracking().Where(v => v.Status == CatalogVersionStatus.Published).Select(v => v.Id).FirstAsync();
        var assessment = new Assessment
        {
            ServiceId = serviceId,
            CatalogVersionId = version,
            Phase = LifecyclePhase.Operation,
            Status = status,
            Rag = rag,
            CreatedAt = DateTime.UtcNow,
            PublishedAt = status == AssessmentStatus.Published ? DateTime.UtcNow : null,
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    /// <summary>A new account of the role belonging to the organisation (its bureau or partner company), signed in.</summary>
    public async Task<HttpClient> SignInAsync(string role, Guid? organization)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await app.CreateUserAsync(email, [role]);
        if (organization is { } id)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
            var fresh = await accounts.FindAsync(user.Id);
            Assert.True((await accounts.SetAccessAsync(fresh!, new UserAccess([role], [id]))).Succeeded);
        }

        return await app.SignInAsync(email);
    }
}
