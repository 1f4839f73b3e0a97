using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Admin.Audit;

/// <summary>
/// The audit log in words: what kind of thing an event is about and what its fields are called, in the reader's
/// language. Events store CLR type and property names (IdentityUserRole`1, NameJa); this is the one place that names
/// them for people. A name not listed here is shown as stored, so a new entity is never hidden.
/// </summary>
public sealed class AuditLabels(IStringLocalizer l)
{
    // Keys of the shared resource (the English text); the Japanese is in SharedResource.ja.resx.
    private static readonly Dictionary<string, string> EntityTypes = new(StringComparer.Ordinal)
    {
        ["Organization"] = "Organisation",
        ["ShishinUser"] = "User account",
        ["IdentityRole`1"] = "Role",
        ["IdentityUserRole`1"] = "Role assignment",
        ["IdentityUserClaim`1"] = "Account claim",
        ["IdentityRoleClaim`1"] = "Role claim",
        ["IdentityUserLogin`1"] = "Sign-in with another provider",
        ["IdentityUserToken`1"] = "Account key or code",
        ["ExternalLogin"] = "Sign-in with another provider",
        ["UserOrganization"] = "Organisation membership",
        ["Invitation"] = "Invitation",
        ["UserDevice"] = "Known device",
        ["SetupRecord"] = "Initial setup",
        ["Counter"] = "Counter",
        ["HttpRequest"] = "Request",
        ["CatalogVersion"] = "Catalogue version",
        ["ChangeProposal"] = "Change proposal",
        ["ProposalComment"] = "Comment on a proposal",
        [CatalogDiff.CheckpointKind] = "Checkpoint",
        [CatalogDiff.PrincipleKind] = "Principle",
        [CatalogDiff.ThemeKind] = "Theme",
        [CatalogDiff.ParameterKind] = "Parameter",
        [CatalogDiff.SourceKind] = "Source",
        [CatalogDiff.HeaderKind] = "Catalogue title",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Id"] = "Record ID",
        ["Key"] = "Key",
        ["Kind"] = "Kind",
        ["NameJa"] = "Name (Japanese)",
        ["NameEn"] = "Name (English)",
        ["LocalGovernmentCode"] = "Local government code",
        ["SortOrder"] = "Position in the list",
        ["ParentId"] = "Part of",
        ["CreatedAt"] = "Created (Japan time)",
        ["Email"] = "Email address",
        ["UserName"] = "User name",
        ["DisplayName"] = "Display name",
        ["IsActive"] = "Active",
        ["EmailConfirmed"] = "Email address confirmed",
        ["PhoneNumber"] = "Phone number",
        ["PhoneNumberConfirmed"] = "Phone number confirmed",
        ["TwoFactorEnabled"] = "Two-step verification",
        ["LockoutEnabled"] = "Lockout enabled",
        ["LockoutEnd"] = "Locked until (Japan time)",
        ["AccessFailedCount"] = "Failed sign-ins",
        ["PasswordHash"] = "Password",
        ["SecurityStamp"] = "Security stamp",
        ["UserId"] = "User account ID",
        ["RoleId"] = "Role ID",
        ["OrganizationId"] = "Organisation ID",
        ["Name"] = "Name",
        ["TokenHash"] = "Token",
        ["ExpiresAt"] = "Expires (Japan time)",
        ["AcceptedAt"] = "Accepted (Japan time)",
        ["InvitedBy"] = "Invited by",
        ["Version"] = "Version",
        ["Status"] = "Status",
        ["Revision"] = "Revision",
        ["PublishedAt"] = "Published (Tokyo)",
        ["RetiredAt"] = "Retired (Tokyo)",
        ["method"] = "Method",
        ["reason"] = "Reason",
        ["count"] = "Count",
        ["version"] = "Version",
        ["checkpoints"] = "Checkpoints",
    };

    public string EntityType(string entityType) =>
        EntityTypes.TryGetValue(entityType, out var key) ? l[key].Value : entityType;

    /// <summary>The field's name in words, or null when it has none (the page then shows the stored name as code).</summary>
    public string? Field(string field) => Fields.TryGetValue(field, out var key) ? l[key].Value : null;

    // Fields whose values are enum names the UI already has words for (organisation kinds, version and proposal states).
    private static readonly HashSet<string> NamedValues = new(StringComparer.Ordinal) { "Kind", "Status" };

    /// <summary>A stored value as people read it: flags as yes/no, kinds and states in words; everything else as stored.</summary>
    public string Value(string field, string value) => value switch
    {
        "true" => l["Yes"],
        "false" => l["No"],
        _ when NamedValues.Contains(field) => l[value].Value,
        _ => value,
    };
}
