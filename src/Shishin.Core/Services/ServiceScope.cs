namespace Shishin.Core.Services;

/// <summary>
/// What one viewer may do with services, resolved once per request by <see cref="ServiceAccess"/>:
/// Admin everything; Reviewer sees and reviews every service; ServiceOwner edits the services of their organisations and
/// their sub-organisations; Partner sees and self-assesses the services their company is assigned to; everyone sees
/// public services. An internal service never reaches anyone else — not in lists, search, the API or counts.
/// </summary>
public sealed class ServiceScope(Viewer viewer, IReadOnlySet<Guid> ownedOrganizationIds, IReadOnlySet<Guid> partnerOrganizationIds)
{
    public Viewer Viewer { get; } = viewer;

    /// <summary>Organisations (with their sub-trees) whose services this ServiceOwner edits.</summary>
    public IReadOnlySet<Guid> OwnedOrganizationIds { get; } = ownedOrganizationIds;

    /// <summary>Partner companies this Partner works for.</summary>
    public IReadOnlySet<Guid> PartnerOrganizationIds { get; } = partnerOrganizationIds;

    public bool SeesEveryService => Viewer.IsAdmin || Viewer.IsReviewer;

    /// <summary>The services this viewer may see, as a query (for lists, search, counts and the API).</summary>
    public IQueryable<Service> Visible(IQueryable<Service> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (SeesEveryService)
        {
            return services;
        }

        var owned = OwnedOrganizationIds.ToList();
        var partners = PartnerOrganizationIds.ToList();
        return services.Where(s => s.IsPublic || owned.Contains(s.OwnerOrganizationId)
            || s.Partners.Any(p => partners.Contains(p.OrganizationId)));
    }

    /// <summary>Needs <see cref="Service.Partners"/> loaded.</summary>
    public bool CanSee(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.IsPublic || SeesEveryService || Owns(service) || IsAssignedPartner(service);
    }

    /// <summary>Edit the service, its canvas, KPIs and phase; start assessments; submit them; answer reports.</summary>
    public bool CanEdit(Service service) => Viewer.IsAdmin || Owns(service);

    /// <summary>Fill in a draft self-assessment: the owning team or an assigned partner.</summary>
    public bool CanSelfAssess(Service service) => CanEdit(service) || IsAssignedPartner(service);

    /// <summary>
    /// The team's view of a service, beyond what the public sees: scan profiles, pages and findings, and citizens'
    /// submissions with their comments. The owning team, assigned partners, reviewers and admins.
    /// </summary>
    public bool SeesTeamDetail(Service service) => SeesEveryService || CanSelfAssess(service);

    /// <summary>Submit a self-assessment for review: the service owner only, never a partner.</summary>
    public bool CanSubmit(Service service) => CanEdit(service);

    /// <summary>Sit on a panel, rate checkpoints and publish: Reviewers (any service) and Admins.</summary>
    public bool CanReview => Viewer.IsAdmin || Viewer.IsReviewer;

    /// <summary>Create services in an organisation: Admin anywhere, a ServiceOwner in their own organisations.</summary>
    public bool CanCreateIn(Guid organizationId) => Viewer.IsAdmin || (Viewer.IsServiceOwner && OwnedOrganizationIds.Contains(organizationId));

    private bool Owns(Service service) => Viewer.IsServiceOwner && OwnedOrganizationIds.Contains(service.OwnerOrganizationId);

    private bool IsAssignedPartner(Service service) =>
        Viewer.IsPartner && service.Partners.Any(p => PartnerOrganizationIds.Contains(p.OrganizationId));
}
