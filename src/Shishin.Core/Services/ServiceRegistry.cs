using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Services;

/// <summary>
/// Writes the service register: create, update, phase changes and fiscal-year KPIs, with the same rules for the web
/// pages and the API. Callers decide authorisation with <see cref="ServiceScope"/> first; the registry checks the scope
/// again, so a page or endpoint that forgot cannot write. Edits are based on the revision the editor saw: a stale one
/// answers <see cref="RegistryOutcome.Conflict"/> with the current values and nothing is overwritten. Every change is
/// audited by the save interceptor.
/// </summary>
public sealed class ServiceRegistry(ShishinDbContext db, TimeProvider clock)
{
    public const int NoteMaxLength = 1000;
    public const int FirstFiscalYear = 2000;
    public const int LastFiscalYear = 2100;

    /// <summary>The largest figure the KPI columns hold (precision 9, scale 1).</summary>
    public const decimal MaxFigure = 99_999_999.9m;


    /// <summary>Today's date in Japan, the day phase changes are dated by default.</summary>
    public DateOnly TodayInJapan() => JapanTime.Today(clock);

    /// <summary>A service with its owner, partners, phase history and KPIs, untracked; null when there is none (visibility is the caller's).</summary>
    public Task<Service?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        Everything(db.Services.AsNoTracking()).FirstOrDefaultAsync(s => s.Key == key, cancellationToken);

    public async Task<RegistryResult<Service>> CreateAsync(ServiceInput input, ServiceScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scope);
        var key = ServiceInputCheck.Clean(input.Key);
        var check = await ServiceInputCheck.RunAsync(db, input, phaseRequired: true, cancellationToken);
        var errors = check.Errors;
        if (key.Length == 0)
        {
            errors.Insert(0, new(ServiceFields.Key, ServiceErrorCode.Required));
        }
        else if (key.Length > ServiceRules.KeyMaxLength)
        {
            errors.Insert(0, new(ServiceFields.Key, ServiceErrorCode.TooLong, ServiceRules.KeyMaxLength));
        }
        else if (!ServiceRules.IsValidKey(key))
        {
            errors.Insert(0, new(ServiceFields.Key, ServiceErrorCode.InvalidKey));
        }
        else if (await db.Services.AnyAsync(s => s.Key == key, cancellationToken))
        {
            errors.Insert(0, new(ServiceFields.Key, ServiceErrorCode.KeyTaken));
        }

        if (errors.Count > 0)
        {
            return Invalid<Service>(errors);
        }

        if (!scope.CanCreateIn(check.Owner!.Id))
        {
            return Forbidden<Service>();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var service = new Service
        {
            Key = key,
            OwnerOrganizationId = check.Owner.Id,
            NameJa = "",
            NameEn = "",
            Phase = check.Phase!.Value,
            CreatedAt = now,
            Revision = 1,
        };
        Apply(service, input, check, now);
        service.Partners = [.. check.PartnerIds.Select(id => new ServicePartner { OrganizationId = id })];
        service.PhaseChanges.Add(await PhaseChangeAsync(service.Phase, TodayInJapan(), "", scope, now, cancellationToken));
        db.Services.Add(service);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone created the same key between the check and the insert; anything else is not ours to hide.
            if (!await KeyTakenAsync(key, cancellationToken))
            {
                throw;
            }

            return Invalid<Service>([new(ServiceFields.Key, ServiceErrorCode.KeyTaken)]);
        }

        return Saved((await FindAsync(key, cancellationToken))!);
    }

    /// <summary>
    /// Saves the input over the service as it was at <paramref name="revision"/>. The key never changes (it is in
    /// addresses and other systems); a phase other than the current one is recorded as a change dated today.
    /// </summary>
    public async Task<RegistryResult<Service>> UpdateAsync(string key, ServiceInput input, int revision, ServiceScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scope);
        var service = await Everything(db.Services).FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (Refusal<Service>(service, scope) is { } refused)
        {
            return refused;
        }

        if (service!.Revision != revision)
        {
            return await ConflictAsync(key, cancellationToken);
        }

        var check = await ServiceInputCheck.RunAsync(db, input, phaseRequired: false, cancellationToken);
        if (check.Errors.Count > 0)
        {
            return Invalid<Service>(check.Errors);
        }

        // Moving a service to another organisation needs the right to create services there.
        if (check.Owner!.Id != service.OwnerOrganizationId && !scope.CanCreateIn(check.Owner.Id))
        {
            return Forbidden<Service>();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        service.OwnerOrganizationId = check.Owner.Id;
        Apply(service, input, check, now);
        service.Partners.RemoveAll(p => !check.PartnerIds.Contains(p.OrganizationId));
        foreach (var id in check.PartnerIds.Where(id => service.Partners.All(p => p.OrganizationId != id)))
        {
            // Added through the set: an entity with its key already set would otherwise be taken for an existing row.
            db.ServicePartners.Add(new ServicePartner { ServiceId = service.Id, OrganizationId = id });
        }

        if (check.Phase is { } phase && phase != service.Phase)
        {
            service.Phase = phase;
            var change = await PhaseChangeAsync(phase, TodayInJapan(), "", scope, now, cancellationToken);
            change.ServiceId = service.Id;
            db.ServicePhaseChanges.Add(change);
        }

        service.Revision++;
        return await SaveServiceAsync(key, cancellationToken);
    }

    /// <summary>Moves the service to another phase as of the date entered, appending to its history.</summary>
    public async Task<RegistryResult<Service>> ChangePhaseAsync(string key, PhaseInput input, ServiceScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scope);
        var service = await Everything(db.Services).FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (Refusal<Service>(service, scope) is { } refused)
        {
            return refused;
        }

        var errors = new List<ServiceError>();
        var phaseText = ServiceInputCheck.Clean(input.Phase);
        var phase = default(ServicePhase);
        if (phaseText.Length == 0)
        {
            errors.Add(new(ServiceFields.Phase, ServiceErrorCode.Required));
        }
        else if (!ServicePhaseNames.TryParse(phaseText, out phase))
        {
            errors.Add(new(ServiceFields.Phase, ServiceErrorCode.UnknownPhase));
        }
        else if (phase == service!.Phase)
        {
            errors.Add(new(ServiceFields.Phase, ServiceErrorCode.SamePhase));
        }

        var today = TodayInJapan();
        var enteredOn = input.EnteredOn ?? today;
        var latest = service!.PhaseChanges.Count == 0 ? (DateOnly?)null : service.PhaseChanges.Max(c => c.EnteredOn);
        if (enteredOn > today)
        {
            errors.Add(new(ServiceFields.EnteredOn, ServiceErrorCode.FutureDate));
        }
        else if (enteredOn < latest)
        {
            // The history is read by date; a change dated before the current phase began would leave it out of order.
            errors.Add(new(ServiceFields.EnteredOn, ServiceErrorCode.BeforePreviousChange));
        }

        var note = ServiceInputCheck.Clean(input.Note);
        if (note.Length > NoteMaxLength)
        {
            errors.Add(new(ServiceFields.Note, ServiceErrorCode.TooLong, NoteMaxLength));
        }

        if (errors.Count > 0)
        {
            return Invalid<Service>(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        service.Phase = phase;
        var change = await PhaseChangeAsync(phase, enteredOn, note, scope, now, cancellationToken);
        change.ServiceId = service.Id;
        db.ServicePhaseChanges.Add(change);
        service.UpdatedAt = now;
        service.Revision++;
        return await SaveServiceAsync(key, cancellationToken);
    }

    /// <summary>
    /// Adds or replaces a fiscal year's figures. <paramref name="revision"/> is the year's revision the editor saw, or
    /// null (or 0) for a year not recorded yet; a year someone else added or changed meanwhile is a conflict.
    /// </summary>
    public async Task<RegistryResult<ServiceKpi>> SaveKpiAsync(string key, KpiInput input, int? revision, ServiceScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scope);
        var service = await db.Services.AsNoTracking().Include(s => s.Partners).FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (Refusal<ServiceKpi>(service, scope) is { } refused)
        {
            return refused;
        }

        var errors = CheckKpi(input);
        if (errors.Count > 0)
        {
            return Invalid<ServiceKpi>(errors);
        }

        var kpi = await db.ServiceKpis.FirstOrDefaultAsync(k => k.ServiceId == service!.Id && k.FiscalYear == input.FiscalYear, cancellationToken);
        if (kpi is null)
        {
            if (revision is not (null or 0))
            {
                return new(RegistryOutcome.Conflict, null, []);
            }

            kpi = new ServiceKpi { ServiceId = service!.Id, FiscalYear = input.FiscalYear, Revision = 0 };
            db.ServiceKpis.Add(kpi);
        }
        else if (kpi.Revision != revision)
        {
            return new(RegistryOutcome.Conflict, kpi, []);
        }

        kpi.AnnualApplications = input.AnnualApplications;
        kpi.DigitalApplications = input.DigitalApplications;
        kpi.MedianCompletionMinutes = input.MedianCompletionMinutes;
        kpi.InputItems = input.InputItems;
        kpi.AttachmentsRequired = input.AttachmentsRequired;
        kpi.DaysToResultNotice = input.DaysToResultNotice;
        kpi.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        kpi.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent save of the same year (an update, or an insert racing on the key): show what is there now.
            db.ChangeTracker.Clear();
            var current = await db.ServiceKpis.AsNoTracking()
                .FirstOrDefaultAsync(k => k.ServiceId == service!.Id && k.FiscalYear == input.FiscalYear, cancellationToken);
            return new(RegistryOutcome.Conflict, current, []);
        }

        return new(RegistryOutcome.Saved, kpi, []);
    }

    /// <summary>The checks of a KPI input, also usable before asking the database anything.</summary>
    public static List<ServiceError> CheckKpi(KpiInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ServiceError>();
        if (input.FiscalYear is < FirstFiscalYear or > LastFiscalYear)
        {
            errors.Add(new(ServiceFields.FiscalYear, ServiceErrorCode.FiscalYearOutOfRange));
        }

        foreach (var (field, value) in new[]
        {
            (ServiceFields.AnnualApplications, input.AnnualApplications),
            (ServiceFields.DigitalApplications, input.DigitalApplications),
            (ServiceFields.InputItems, input.InputItems),
            (ServiceFields.AttachmentsRequired, input.AttachmentsRequired),
        })
        {
            if (value < 0)
            {
                errors.Add(new(field, ServiceErrorCode.Negative));
            }
        }

        foreach (var (field, value) in new[]
        {
            (ServiceFields.MedianCompletionMinutes, input.MedianCompletionMinutes),
            (ServiceFields.DaysToResultNotice, input.DaysToResultNotice),
        })
        {
            if (value < 0)
            {
                errors.Add(new(field, ServiceErrorCode.Negative));
            }
            else if (value > MaxFigure)
            {
                errors.Add(new(field, ServiceErrorCode.TooLarge));
            }
            else if (value is { } v && decimal.Round(v, 1) != v)
            {
                errors.Add(new(field, ServiceErrorCode.TooPrecise));
            }
        }

        if (input.AnnualApplications is >= 0 && input.DigitalApplications is >= 0 && input.DigitalApplications > input.AnnualApplications)
        {
            errors.Add(new(ServiceFields.DigitalApplications, ServiceErrorCode.DigitalExceedsAnnual));
        }

        return errors;
    }

    private static IQueryable<Service> Everything(IQueryable<Service> services) =>
        services.Include(s => s.OwnerOrganization)
            .Include(s => s.Partners).ThenInclude(p => p.Organization)
            .Include(s => s.PhaseChanges)
            .Include(s => s.Kpis)
            .AsSplitQuery();

    private static RegistryResult<T>? Refusal<T>(Service? service, ServiceScope scope)
        where T : class =>
        service is null || !scope.CanSee(service) ? new(RegistryOutcome.NotFound, null, [])
        : !scope.CanEdit(service) ? Forbidden<T>()
        : null;

    private static void Apply(Service service, ServiceInput input, ServiceInputCheck check, DateTime now)
    {
        service.NameJa = ServiceInputCheck.Clean(input.NameJa);
        service.NameEn = ServiceInputCheck.Clean(input.NameEn);
        service.DescriptionJa = ServiceInputCheck.Clean(input.DescriptionJa);
        service.DescriptionEn = ServiceInputCheck.Clean(input.DescriptionEn);
        service.Audience = ServiceInputCheck.Clean(input.Audience);
        service.EntryUrls = check.EntryUrls;
        service.Channel = check.Channel;
        service.IsPublic = input.IsPublic;
        service.UpdatedAt = now;
    }

    private async Task<ServicePhaseChange> PhaseChangeAsync(ServicePhase phase, DateOnly enteredOn, string note, ServiceScope scope, DateTime now, CancellationToken cancellationToken)
    {
        var userId = scope.Viewer.UserId;
        var name = userId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? ""
            : "";
        return new ServicePhaseChange { Phase = phase, EnteredOn = enteredOn, Note = note, RecordedAt = now, RecordedById = userId, RecordedByName = name };
    }

    private async Task<RegistryResult<Service>> SaveServiceAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(key, cancellationToken);
        }

        db.ChangeTracker.Clear();
        return Saved((await FindAsync(key, cancellationToken))!);
    }

    private async Task<RegistryResult<Service>> ConflictAsync(string key, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return new(RegistryOutcome.Conflict, await FindAsync(key, cancellationToken), []);
    }

    private async Task<bool> KeyTakenAsync(string key, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Services.AnyAsync(s => s.Key == key, cancellationToken);
    }

    private static RegistryResult<T> Saved<T>(T value)
        where T : class => new(RegistryOutcome.Saved, value, []);

    private static RegistryResult<T> Invalid<T>(IReadOnlyList<ServiceError> errors)
        where T : class => new(RegistryOutcome.Invalid, null, errors);

    private static RegistryResult<T> Forbidden<T>()
        where T : class => new(RegistryOutcome.Forbidden, null, []);
}
