using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Organizations;
using Shishin.Core.Services;

namespace Shishin.Tests;

/// <summary>
/// Sample data for the register's tests, written straight to the database of <paramref name="services"/> through
/// <see cref="AssessmentSamples"/>, each row in a scope of its own. Each test makes its own bureau (with a division
/// under it) and filters by it, so tests sharing a database do not see each other's services.
/// </summary>
internal sealed class RegisterSamples(IServiceProvider services)
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
        await using var scope = services.CreateAsyncScope();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        return (await organizations.CreateAsync(new OrganizationInput(key, kind, key + " 局", key + " Bureau", null, parent))).Id;
    }

    /// <summary>The service <c>{Prefix}-{suffix}</c>, in operation and public unless told otherwise.</summary>
    public Task<Service> ServiceAsync(
        string suffix, Guid owner, bool isPublic = true, ServicePhase phase = ServicePhase.Operation, ServiceChannel channel = ServiceChannel.Web,
        string? nameJa = null, string? nameEn = null, Guid[]? partners = null, string entryUrls = "", Action<Service>? more = null) =>
        WriteAsync(db => AssessmentSamples.ServiceAsync(db, Prefix + "-" + suffix, owner, isPublic, phase, partners, service =>
        {
            service.NameJa = nameJa ?? service.NameJa;
            service.NameEn = nameEn ?? service.NameEn;
            service.Channel = channel;
            service.EntryUrls = entryUrls;
            more?.Invoke(service);
        }));

    /// <summary>An action item without an assessment, due on <paramref name="due"/> (by default 1 July 2025).</summary>
    public Task<ActionItem> ActionAsync(Guid serviceId, string title, bool overdue, ActionItemStatus status = ActionItemStatus.Open, DateOnly? due = null) =>
        WriteAsync(db => AssessmentSamples.ActionItemAsync(db, serviceId, null, due ?? new DateOnly(2025, 7, 1), status, overdue: overdue, title: title));

    /// <summary>An operation-phase assessment without results, made (and, if published, published) at <paramref name="at"/> or now.</summary>
    public Task<Assessment> AssessmentAsync(Guid serviceId, AssessmentStatus status, Rag? rag, DateTime? at = null) =>
        WriteAsync(db => AssessmentSamples.AssessmentAsync(db, serviceId, status, rag, [], LifecyclePhase.Operation, more: assessment =>
        {
            var when = at ?? DateTime.UtcNow;
            assessment.Rag = rag;
            assessment.CreatedAt = when;
            assessment.PublishedAt = status == AssessmentStatus.Published ? when : null;
        }));

    private async Task<T> WriteAsync<T>(Func<ShishinDbContext, Task<T>> write)
    {
        await using var scope = services.CreateAsyncScope();
        return await write(scope.ServiceProvider.GetRequiredService<ShishinDbContext>());
    }
}
