using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Organizations;

public sealed record OrganizationInput(string Key, OrganizationKind Kind, string NameJa, string NameEn, string? LocalGovernmentCode, Guid? ParentId);

public sealed class OrganizationService(ShishinDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Every organisation in Tokyo's published order: by kind (government, bureaus, municipalities, partners), then
    /// <see cref="Organization.SortOrder"/>, then code and key. Sorted in memory: the kind is stored as text, and the
    /// table holds about a hundred rows.
    /// </summary>
    public async Task<List<Organization>> ListAsync(CancellationToken cancellationToken = default) =>
        InPublishedOrder(await db.Organizations.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>
    /// The organisations whose Japanese or English name, key or local government code contains <paramref name="search"/>
    /// (ignoring case, full- and half-width forms and hiragana/katakana), in the published order; all when it is empty.
    /// </summary>
    public async Task<List<Organization>> SearchAsync(string? search, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(search) ? all : [.. all.Where(o => OrganizationSearch.Matches(o, search))];
    }

    internal static List<Organization> InPublishedOrder(IEnumerable<Organization> organizations) =>
    [
        .. organizations
            .OrderBy(o => o.Kind).ThenBy(o => o.SortOrder)
            .ThenBy(o => o.LocalGovernmentCode, StringComparer.Ordinal).ThenBy(o => o.Key, StringComparer.Ordinal),
    ];

    public Task<Organization?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Organizations.AsNoTracking().Include(o => o.Parent).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public Task<Organization?> FindByKeyAsync(string key, CancellationToken cancellationToken = default) =>
        db.Organizations.AsNoTracking().Include(o => o.Parent).FirstOrDefaultAsync(o => o.Key == key, cancellationToken);

    public Task<bool> KeyExistsAsync(string key, Guid? except, CancellationToken cancellationToken = default) =>
        db.Organizations.AnyAsync(o => o.Key == key && o.Id != except, cancellationToken);

    public Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default) =>
        db.Organizations.AnyAsync(o => o.LocalGovernmentCode == code && o.Id != except, cancellationToken);

    public async Task<Organization> CreateAsync(OrganizationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var organization = new Organization
        {
            Key = input.Key.Trim(),
            Kind = input.Kind,
            NameJa = input.NameJa.Trim(),
            NameEn = input.NameEn.Trim(),
            LocalGovernmentCode = string.IsNullOrWhiteSpace(input.LocalGovernmentCode) ? null : input.LocalGovernmentCode.Trim(),
            ParentId = input.ParentId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        organization.SortOrder = await PositionForAsync(organization, cancellationToken);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        return organization;
    }

    public async Task<bool> UpdateAsync(Guid id, OrganizationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return false;
        }

        var code = string.IsNullOrWhiteSpace(input.LocalGovernmentCode) ? null : input.LocalGovernmentCode.Trim();
        // A new kind, or a municipality's new code, means a new place in the list; any other edit keeps the place.
        var moves = organization.Kind != input.Kind || (input.Kind == OrganizationKind.Municipality && organization.LocalGovernmentCode != code);
        organization.Key = input.Key.Trim();
        organization.Kind = input.Kind;
        organization.NameJa = input.NameJa.Trim();
        organization.NameEn = input.NameEn.Trim();
        organization.LocalGovernmentCode = code;
        organization.ParentId = input.ParentId;
        if (moves)
        {
            organization.SortOrder = await PositionForAsync(organization, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>True when making <paramref name="parentId"/> the parent of <paramref name="id"/> would close a loop.</summary>
    public async Task<bool> WouldCreateCycleAsync(Guid id, Guid? parentId, CancellationToken cancellationToken = default)
    {
        var parents = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ParentId, cancellationToken);
        for (var current = parentId; current is { } c; current = parents.GetValueOrDefault(c))
        {
            if (c == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where an organisation added by an admin goes in the published order. A municipality shares the position of the
    /// municipality whose 全国地方公共団体コード comes just before its own (the first one's, if its code is the lowest),
    /// so that the code, the next sort key, puts it in its place without renumbering anyone else. Any other
    /// organisation, and a municipality without a code, goes last within its kind.
    /// </summary>
    private async Task<int> PositionForAsync(Organization organization, CancellationToken cancellationToken)
    {
        var sameKind = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == organization.Kind && o.Id != organization.Id)
            .Select(o => new { o.SortOrder, o.LocalGovernmentCode })
            .ToListAsync(cancellationToken);
        if (sameKind.Count == 0)
        {
            return 1;
        }

        if (organization.Kind == OrganizationKind.Municipality && organization.LocalGovernmentCode is { } code)
        {
            var coded = sameKind.Where(o => o.LocalGovernmentCode is not null)
                .OrderBy(o => o.SortOrder).ThenBy(o => o.LocalGovernmentCode, StringComparer.Ordinal).ToList();
            var before = coded.LastOrDefault(o => string.CompareOrdinal(o.LocalGovernmentCode, code) < 0) ?? coded.FirstOrDefault();
            if (before is not null)
            {
                return before.SortOrder;
            }
        }

        return sameKind.Max(o => o.SortOrder) + 1;
    }

    /// <summary>
    /// Loads the bundled organisations (TMG, its bureaus, the 62 municipalities) into an empty table, each with its
    /// position in the seed file, which is Tokyo's published order. A database seeded before organisations had a
    /// position gets them here once: when every seeded row is still at 0.
    /// </summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var seed = LoadSeed();
        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            await BackfillSortOrderAsync(seed, cancellationToken);
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var byKey = new Dictionary<string, Organization>(StringComparer.Ordinal);
        foreach (var (row, position) in seed.Select((row, i) => (row, i + 1)))
        {
            var organization = new Organization
            {
                Key = row.Key,
                Kind = row.Kind,
                NameJa = row.NameJa,
                NameEn = row.NameEn,
                LocalGovernmentCode = row.LocalGovernmentCode,
                SortOrder = position,
                ParentId = row.Parent is null ? null : byKey[row.Parent].Id,
                CreatedAt = now,
            };
            byKey[row.Key] = organization;
            db.Organizations.Add(organization);
        }

        await db.SaveChangesAsync(cancellationToken);
        return seed.Count;
    }

    /// <summary>
    /// Gives the seeded rows their seed positions and the rows admins added after them positions at the end of their
    /// kind (by code, then key), but only while no seeded row has a position yet: afterwards it changes nothing.
    /// </summary>
    private async Task BackfillSortOrderAsync(IReadOnlyList<SeedOrganization> seed, CancellationToken cancellationToken)
    {
        var positions = seed.Select((row, i) => (row.Key, Position: i + 1)).ToDictionary(p => p.Key, p => p.Position, StringComparer.Ordinal);
        var keys = positions.Keys.ToList();
        var seeded = await db.Organizations.Where(o => keys.Contains(o.Key)).ToListAsync(cancellationToken);
        if (seeded.Count == 0 || seeded.Any(o => o.SortOrder != 0))
        {
            return;
        }

        foreach (var organization in seeded)
        {
            organization.SortOrder = positions[organization.Key];
        }

        var next = seed.Count;
        var added = await db.Organizations.Where(o => !keys.Contains(o.Key) && o.SortOrder == 0).ToListAsync(cancellationToken);
        foreach (var organization in InPublishedOrder(added))
        {
            organization.SortOrder = ++next;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static IReadOnlyList<SeedOrganization> LoadSeed()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Shishin.Core.Organizations.organizations.seed.json")
            ?? throw new InvalidOperationException("The organisation seed is missing from the assembly.");
        var file = JsonSerializer.Deserialize<SeedFile>(stream, SeedJson) ?? throw new InvalidOperationException("The organisation seed is empty.");
        return file.Organizations;
    }

    private static readonly JsonSerializerOptions SeedJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    internal sealed record SeedFile(List<SeedOrganization> Organizations);

    internal sealed record SeedOrganization(string Key, OrganizationKind Kind, string NameJa, string NameEn, string? LocalGovernmentCode, string? Parent);
}
