using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Organizations;

public sealed record OrganizationInput(string Key, OrganizationKind Kind, string NameJa, string NameEn, string? LocalGovernmentCode, Guid? ParentId);

public sealed class OrganizationService(ShishinDbContext db, TimeProvider clock)
{
    public Task<List<Organization>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Organizations.AsNoTracking()
            .OrderBy(o => o.Kind).ThenBy(o => o.LocalGovernmentCode).ThenBy(o => o.Key)
            .ToListAsync(cancellationToken);

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

        organization.Key = input.Key.Trim();
        organization.Kind = input.Kind;
        organization.NameJa = input.NameJa.Trim();
        organization.NameEn = input.NameEn.Trim();
        organization.LocalGovernmentCode = string.IsNullOrWhiteSpace(input.LocalGovernmentCode) ? null : input.LocalGovernmentCode.Trim();
        organization.ParentId = input.ParentId;
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

    /// <summary>Loads the bundled organisations (TMG, its bureaus, the 62 municipalities) into an empty table.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var seed = LoadSeed();
        var now = clock.GetUtcNow().UtcDateTime;
        var byKey = new Dictionary<string, Organization>(StringComparer.Ordinal);
        foreach (var row in seed)
        {
            var organization = new Organization
            {
                Key = row.Key,
                Kind = row.Kind,
                NameJa = row.NameJa,
                NameEn = row.NameEn,
                LocalGovernmentCode = row.LocalGovernmentCode,
                ParentId = row.Parent is null ? null : byKey[row.Parent].Id,
                CreatedAt = now,
            };
            byKey[row.Key] = organization;
            db.Organizations.Add(organization);
        }

        await db.SaveChangesAsync(cancellationToken);
        return seed.Count;
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
