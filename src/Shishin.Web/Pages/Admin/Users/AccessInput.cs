namespace Shishin.Web.Pages.Admin.Users;

/// <summary>Roles and organisation scopes as posted by the invite and edit forms.</summary>
public sealed class AccessInput
{
    public List<string> Roles { get; set; } = [];
    public List<Guid> OrganizationIds { get; set; } = [];

    public Shishin.Core.Identity.UserAccess ToAccess() => new(Roles.Distinct().ToList(), OrganizationIds.Distinct().ToList());
}
