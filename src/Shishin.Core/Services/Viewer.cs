using Shishin.Core.Identity;

namespace Shishin.Core.Services;

/// <summary>Who is looking: the signed-in user (or the user behind an API key) with their roles, or nobody.</summary>
public sealed record Viewer(Guid? UserId, IReadOnlySet<string> Roles)
{
    public static Viewer Anonymous { get; } = new(null, new HashSet<string>(StringComparer.Ordinal));

    public bool IsAdmin => Roles.Contains(Identity.Roles.Admin);
    public bool IsReviewer => Roles.Contains(Identity.Roles.Reviewer);
    public bool IsServiceOwner => Roles.Contains(Identity.Roles.ServiceOwner);
    public bool IsPartner => Roles.Contains(Identity.Roles.Partner);
}
