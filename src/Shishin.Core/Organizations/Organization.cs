namespace Shishin.Core.Organizations;

public enum OrganizationKind
{
    Government,
    Bureau,
    Municipality,
    Partner,
}

/// <summary>A government, bureau, municipality or partner company. Forms one tree through <see cref="ParentId"/>.</summary>
public class Organization
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Stable slug used in URLs and seed data, e.g. <c>chiyoda</c>.</summary>
    public required string Key { get; set; }

    public OrganizationKind Kind { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }

    /// <summary>全国地方公共団体コード (6 digits with check digit), for governments and municipalities.</summary>
    public string? LocalGovernmentCode { get; set; }

    /// <summary>
    /// Position in the order Tokyo publishes: the government first, bureaus in the official order of the organisation
    /// chart, municipalities by 全国地方公共団体コード. Lists sort by kind, then by this.
    /// </summary>
    public int SortOrder { get; set; }

    public Guid? ParentId { get; set; }
    public Organization? Parent { get; set; }
    public List<Organization> Children { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>A demo partner company of <c>shishin demo seed</c>; <c>shishin demo remove</c> deletes exactly these.</summary>
    public bool IsDemo { get; set; }

    public string Name(bool english) => english ? NameEn : NameJa;
}
