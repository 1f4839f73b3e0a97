using System.Text;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Organizations;

namespace Shishin.Core.Services;

/// <summary>
/// Imports services from CSV (docs/service-csv.md): new keys are created, existing ones updated. Every row is checked
/// first and every problem reported with the line where its record starts; the register changes only when no row has a
/// problem, in one SaveChanges (one transaction, audit events included), so a file with one bad row imports nothing.
/// What a viewer may import is what <see cref="ServiceScope"/> lets them create and edit: an Admin anything, a
/// ServiceOwner the services of their own organisations. Writes entities itself, like every way into the register checks
/// <see cref="ServiceRules"/>, so that it depends on no other service of the register.
/// </summary>
public sealed class ServiceCsvImporter(ShishinDbContext db, TimeProvider clock, AuditActor actor)
{
    private const int NameMaxLength = 200;
    private const int DescriptionMaxLength = 2000;
    private const int EntryUrlsMaxLength = 4000;

    public async Task<ServiceImportReport> ImportAsync(ReadOnlyMemory<byte> content, ServiceScope scope, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (content.Length > ServiceCsv.MaxBytes)
        {
            return ServiceImportReport.Failed([new ServiceCsvError(0, null, ServiceCsvProblem.FileTooLarge, "", ServiceCsv.MaxBytes)], null, dryRun);
        }

        if (ServiceCsv.Decode(content.Span) is not var (text, encoding))
        {
            return ServiceImportReport.Failed([new ServiceCsvError(0, null, ServiceCsvProblem.UnreadableEncoding)], null, dryRun);
        }

        var parse = ServiceCsvReader.Read(text);
        if (parse.IsUnreadable)
        {
            return ServiceImportReport.Failed(parse.Errors, encoding, dryRun);
        }

        var organizations = new OrganizationLookup(await db.Organizations.AsNoTracking().ToListAsync(cancellationToken));
        var keys = parse.Rows.Select(r => r[ServiceCsv.Key]).Where(ServiceRules.IsValidKey).Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.Services.Include(s => s.Partners).Where(s => keys.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);

        var errors = new List<ServiceCsvError>(parse.Errors);
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = new List<PlannedRow>();
        foreach (var row in parse.Rows)
        {
            var rowErrors = new List<ServiceCsvError>();
            var plan = Check(row, scope, organizations, existing, firstLines, rowErrors);
            errors.AddRange(rowErrors);
            if (rowErrors.Count == 0)
            {
                planned.Add(plan);
            }
        }

        var created = planned.Where(p => p.Existing is null).Select(p => p.Key).ToList();
        var updated = planned.Where(p => p.Existing is { } s && Differs(p, s)).Select(p => p.Key).ToList();
        var unchanged = planned.Where(p => p.Existing is { } s && !Differs(p, s)).Select(p => p.Key).ToList();
        errors = [.. errors.OrderBy(e => e.Line)];
        if (errors.Count > 0 || dryRun)
        {
            return new ServiceImportReport(created, updated, unchanged, errors, encoding, dryRun, false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(JapanTime.FromUtc(now));
        foreach (var plan in planned)
        {
            Apply(plan, scope, now, today);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A service changed, or a key was taken, between reading and saving: the transaction rolled back entirely.
            db.ChangeTracker.Clear();
            return ServiceImportReport.Failed([new ServiceCsvError(0, null, ServiceCsvProblem.ChangedMeanwhile)], encoding, dryRun);
        }

        return new ServiceImportReport(created, updated, unchanged, [], encoding, dryRun, true);
    }

    private static PlannedRow Check(
        ServiceCsvRow row, ServiceScope scope, OrganizationLookup organizations, Dictionary<string, Service> existing,
        Dictionary<string, int> firstLines, List<ServiceCsvError> errors)
    {
        void Problem(string column, ServiceCsvProblem problem, string value = "", int number = 0) =>
            errors.Add(new ServiceCsvError(row.Line, column, problem, value, number));

        var key = row[ServiceCsv.Key];
        var service = existing.GetValueOrDefault(key);
        if (!ServiceRules.IsValidKey(key))
        {
            Problem(ServiceCsv.Key, ServiceCsvProblem.BadKey, key);
        }
        else if (!firstLines.TryAdd(key, row.Line))
        {
            Problem(ServiceCsv.Key, ServiceCsvProblem.DuplicateKey, key, firstLines[key]);
        }
        else if (service is not null && !scope.CanEdit(service))
        {
            Problem(ServiceCsv.Key, ServiceCsvProblem.CannotEditService, key);
        }

        foreach (var column in (string[])[ServiceCsv.NameJa, ServiceCsv.NameEn])
        {
            if (row[column].Length == 0)
            {
                Problem(column, ServiceCsvProblem.MissingName);
            }
            else if (row[column].Length > NameMaxLength)
            {
                Problem(column, ServiceCsvProblem.TooLong, "", NameMaxLength);
            }
        }

        var organizationText = row[ServiceCsv.Organization];
        var (owner, ownerProblem) = organizations.Find(organizationText);
        if (ownerProblem is { } problem)
        {
            Problem(ServiceCsv.Organization, problem, organizationText);
        }
        else if (owner!.Kind == OrganizationKind.Partner)
        {
            Problem(ServiceCsv.Organization, ServiceCsvProblem.PartnerAsOwner, organizationText);
        }
        else if (!scope.CanCreateIn(owner.Id))
        {
            Problem(ServiceCsv.Organization, ServiceCsvProblem.NotYourOrganization, organizationText);
        }

        if (!ServicePhaseNames.TryParse(row[ServiceCsv.Phase], out var phase))
        {
            Problem(ServiceCsv.Phase, ServiceCsvProblem.BadPhase, row[ServiceCsv.Phase]);
        }

        var isPublic = ParsePublic(row[ServiceCsv.Public]);
        if (isPublic is null)
        {
            Problem(ServiceCsv.Public, ServiceCsvProblem.BadPublic, row[ServiceCsv.Public]);
        }

        var channel = ParseChannel(row[ServiceCsv.Channel]);
        if (channel is null)
        {
            Problem(ServiceCsv.Channel, ServiceCsvProblem.BadChannel, row[ServiceCsv.Channel]);
        }

        string? entryUrls = null;
        if (row.Has(ServiceCsv.EntryUrls))
        {
            var urls = Words(row[ServiceCsv.EntryUrls]);
            foreach (var url in urls.Where(u => !ServiceRules.IsValidEntryUrl(u)))
            {
                Problem(ServiceCsv.EntryUrls, ServiceCsvProblem.MalformedUrl, url);
            }

            entryUrls = string.Join(' ', urls.Distinct(StringComparer.Ordinal));
            if (entryUrls.Length > EntryUrlsMaxLength)
            {
                Problem(ServiceCsv.EntryUrls, ServiceCsvProblem.TooLong, "", EntryUrlsMaxLength);
            }
        }

        foreach (var column in (string[])[ServiceCsv.DescriptionJa, ServiceCsv.DescriptionEn])
        {
            if (row[column].Length > DescriptionMaxLength)
            {
                Problem(column, ServiceCsvProblem.TooLong, "", DescriptionMaxLength);
            }
        }

        List<Guid>? partners = null;
        if (row.Has(ServiceCsv.Partners))
        {
            partners = [];
            foreach (var partnerKey in Words(row[ServiceCsv.Partners]).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var partner = organizations.ByKey(partnerKey);
                if (partner is null)
                {
                    Problem(ServiceCsv.Partners, ServiceCsvProblem.UnknownPartner, partnerKey);
                }
                else if (partner.Kind != OrganizationKind.Partner)
                {
                    Problem(ServiceCsv.Partners, ServiceCsvProblem.NotAPartner, partnerKey);
                }
                else
                {
                    partners.Add(partner.Id);
                }
            }
        }

        return new PlannedRow(
            key, service, row[ServiceCsv.NameJa], row[ServiceCsv.NameEn], owner?.Id ?? Guid.Empty, phase, isPublic ?? false,
            channel ?? default, entryUrls,
            row.Has(ServiceCsv.DescriptionJa) ? row[ServiceCsv.DescriptionJa] : null,
            row.Has(ServiceCsv.DescriptionEn) ? row[ServiceCsv.DescriptionEn] : null,
            partners);
    }

    private static bool Differs(PlannedRow plan, Service service) =>
        service.NameJa != plan.NameJa || service.NameEn != plan.NameEn || service.OwnerOrganizationId != plan.OwnerId
        || service.Phase != plan.Phase || service.IsPublic != plan.IsPublic || service.Channel != plan.Channel
        || (plan.EntryUrls is { } urls && service.EntryUrls != urls)
        || (plan.DescriptionJa is { } ja && service.DescriptionJa != ja)
        || (plan.DescriptionEn is { } en && service.DescriptionEn != en)
        || (plan.Partners is { } partners && !service.Partners.Select(p => p.OrganizationId).ToHashSet().SetEquals(partners));

    private void Apply(PlannedRow plan, ServiceScope scope, DateTime now, DateOnly today)
    {
        var service = plan.Existing;
        if (service is null)
        {
            service = new Service
            {
                Key = plan.Key,
                NameJa = plan.NameJa,
                NameEn = plan.NameEn,
                OwnerOrganizationId = plan.OwnerId,
                Phase = plan.Phase,
                CreatedAt = now,
            };
            db.Services.Add(service);
            RecordPhase(service, scope, now, today);
        }
        else if (!Differs(plan, service))
        {
            return;
        }
        else
        {
            if (service.Phase != plan.Phase)
            {
                service.Phase = plan.Phase;
                RecordPhase(service, scope, now, today);
            }

            service.NameJa = plan.NameJa;
            service.NameEn = plan.NameEn;
            service.OwnerOrganizationId = plan.OwnerId;
            service.Revision++;
        }

        service.IsPublic = plan.IsPublic;
        service.Channel = plan.Channel;
        service.EntryUrls = plan.EntryUrls ?? service.EntryUrls;
        service.DescriptionJa = plan.DescriptionJa ?? service.DescriptionJa;
        service.DescriptionEn = plan.DescriptionEn ?? service.DescriptionEn;
        service.UpdatedAt = now;
        if (plan.Partners is { } partners)
        {
            foreach (var gone in service.Partners.Where(p => !partners.Contains(p.OrganizationId)).ToList())
            {
                service.Partners.Remove(gone);
                db.ServicePartners.Remove(gone);
            }

            foreach (var id in partners.Where(id => service.Partners.All(p => p.OrganizationId != id)))
            {
                var partner = new ServicePartner { ServiceId = service.Id, OrganizationId = id };
                service.Partners.Add(partner);
                db.ServicePartners.Add(partner);
            }
        }
    }

    private void RecordPhase(Service service, ServiceScope scope, DateTime now, DateOnly today) =>
        // Added through its own set: a new child found only through the navigation of a tracked service with a preset
        // Guid key would be taken for an existing row.
        db.ServicePhaseChanges.Add(new ServicePhaseChange
        {
            ServiceId = service.Id,
            Phase = service.Phase,
            EnteredOn = today,
            Note = "CSV import",
            RecordedAt = now,
            RecordedById = scope.Viewer.UserId,
            RecordedByName = actor.Name,
        });

    /// <summary>true/false as the export writes them; 1/0 and Excel's TRUE/FALSE too.</summary>
    internal static bool? ParsePublic(string text) => Normalize(text).ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    internal static ServiceChannel? ParseChannel(string text)
    {
        var normalized = Normalize(text).ToLowerInvariant();
        return Enum.GetValues<ServiceChannel>().Select(c => (ServiceChannel?)c).FirstOrDefault(c => ServiceCsv.ChannelKey(c!.Value) == normalized);
    }

    // Full-width letters and digits, as a Japanese IME types them, read as their ASCII forms.
    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    // Spaces of any kind (the ideographic one too) and line breaks separate the items of a list.
    private static List<string> Words(string text) =>
        [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private sealed record PlannedRow(
        string Key, Service? Existing, string NameJa, string NameEn, Guid OwnerId, ServicePhase Phase, bool IsPublic,
        ServiceChannel Channel, string? EntryUrls, string? DescriptionJa, string? DescriptionEn, List<Guid>? Partners);
}
