using Microsoft.AspNetCore.Identity;
using Shishin.Core.Organizations;

namespace Shishin.Core.Identity;

public class ShishinUser : IdentityUser<Guid>
{
    public ShishinUser() => Id = Guid.NewGuid();

    public string DisplayName { get; set; } = "";

    /// <summary>A deactivated account cannot sign in and its sessions end at the next request.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    /// <summary>The last 30-second TOTP time step used to sign in; a code of that step or an earlier one is refused.</summary>
    public long? LastTotpTimeStep { get; set; }

    /// <summary>A demo account of <c>shishin demo seed</c>; <c>shishin demo remove</c> deletes exactly these.</summary>
    public bool IsDemo { get; set; }

    public List<UserOrganization> Organizations { get; set; } = [];
}

/// <summary>Scopes a ServiceOwner (and later a Partner) to an organisation.</summary>
public class UserOrganization
{
    public Guid UserId { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
}

/// <summary>A one-time link with which an invited person sets their password.</summary>
public class Invitation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public ShishinUser? User { get; set; }

    /// <summary>SHA-256 of the token; the token itself is shown once and never stored.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid? InvitedBy { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Reviewer = "Reviewer";
    public const string ServiceOwner = "ServiceOwner";
    public const string Partner = "Partner";

    public static readonly IReadOnlyList<string> All = [Admin, Reviewer, ServiceOwner, Partner];
}
