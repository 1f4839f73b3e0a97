using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;

namespace Shishin.Core.Demo;

/// <summary>
/// The demo data set (<c>shishin demo seed</c>, the setup page's checkbox): services of many bureaus and municipalities in
/// every phase, with canvases, KPIs, assessments, action items, partner companies and a user of every role — all
/// marked デモ and flagged <c>IsDemo</c>, so that <see cref="RemoveAsync"/> takes out exactly that and nothing else.
/// Written straight to the entities, one transaction each way, dated back from today.
/// </summary>
public sealed class DemoData(ShishinDbContext db, UserManager<ShishinUser> users, CatalogService catalog, AuditLog audit, DemoScans scans, TimeProvider clock)
{
    // Letters and digits that cannot be mistaken for one another when read off a screen.
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Email(string localPart) => $"{localPart}@{DemoCatalogue.EmailDomain}";

    /// <summary>
    /// Fills the instance with the demo data set. Refuses when demo data is already there (so a second run changes
    /// nothing), and when the instance has services of its own unless <paramref name="force"/>. The generated passwords
    /// of the demo users are returned, never stored or logged: the caller shows them once.
    /// </summary>
    public async Task<DemoSeedResult> SeedAsync(bool force, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var refusal = await CheckAsync(force, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var current = await catalog.GetCurrentAsync(cancellationToken);
            if (current is null)
            {
                return Refused(DemoSeedOutcome.NoPublishedCatalogue, "There is no published catalogue version to assess against.");
            }

            var calendar = new DemoCalendar(clock);
            var partners = await AddPartnersAsync(calendar, cancellationToken);
            var (accounts, people) = await AddUsersAsync(calendar, cancellationToken);
            var counts = await AddServicesAsync(calendar, current, people, cancellationToken);
            counts = counts with { PartnerCompanies = partners, Users = accounts.Count };
            var proposals = await AddProposalsAsync(calendar, current, people, cancellationToken);
            await audit.RecordAsync("demo.seeded", "Demo", null, new { counts, proposals }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            // Runs are stored through ScanRunService, which keeps its own transaction per run: after the commit above.
            await scans.SeedAsync(await ScannableAsync(cancellationToken), cancellationToken);
            return new DemoSeedResult(DemoSeedOutcome.Seeded, counts, accounts);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // Rolled back when the transaction was disposed. A seed that ran at the same time and committed first is the
            // usual cause; anything else stays an error.
            db.ChangeTracker.Clear();
            if (await AnyDemoDataAsync(cancellationToken))
            {
                return Refused(DemoSeedOutcome.AlreadyPresent, "Demo data already present.");
            }

            throw;
        }
    }

    /// <summary>
    /// Deletes the demo services (with their partners, phases, KPIs, canvases, assessments and action items), the demo
    /// users and the demo partner companies, in one transaction; nothing that is not flagged demo is touched, except
    /// that a real service loses a demo company assigned to it.
    /// </summary>
    public async Task<DemoRemoveResult> RemoveAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var services = db.Services.Where(s => s.IsDemo).Select(s => s.Id);
        var assessments = db.Assessments.Where(a => services.Contains(a.ServiceId)).Select(a => a.Id);
        var partners = db.Organizations.Where(o => o.IsDemo).Select(o => o.Id);

        // Action items point at assessments with a restricting key, and reassessments at the reports they follow: both go
        // first. Checkpoint results, panels, partners, phases, KPIs and canvases go with their rows (cascade).
        var actionItems = await db.ActionItems.Where(a => services.Contains(a.ServiceId) || (a.AssessmentId != null && assessments.Contains(a.AssessmentId.Value)))
            .ExecuteDeleteAsync(cancellationToken);
        await db.Assessments.Where(a => services.Contains(a.ServiceId) && a.ReassessmentOfId != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReassessmentOfId, (Guid?)null), cancellationToken);
        var assessmentCount = await db.Assessments.Where(a => services.Contains(a.ServiceId)).ExecuteDeleteAsync(cancellationToken);
        var serviceCount = await db.Services.Where(s => s.IsDemo).ExecuteDeleteAsync(cancellationToken);
        await db.ServicePartners.Where(p => partners.Contains(p.OrganizationId)).ExecuteDeleteAsync(cancellationToken);
        var userCount = await db.Users.Where(u => u.IsDemo).ExecuteDeleteAsync(cancellationToken);
        var partnerCount = await db.Organizations.Where(o => o.IsDemo).ExecuteDeleteAsync(cancellationToken);
        await DemoProposals.RemoveAsync(db, cancellationToken);

        var result = new DemoRemoveResult(serviceCount, assessmentCount, actionItems, userCount, partnerCount);
        // The bulk deletes bypass the per-entity audit of SaveChanges; one event says what went.
        await audit.RecordAsync("demo.removed", "Demo", null, result, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>The demo services a scan profile is made for: public web services in operation, in the catalogue's order.</summary>
    private async Task<List<Service>> ScannableAsync(CancellationToken cancellationToken)
    {
        var keys = DemoCatalogue.Services.Where(s => s.IsPublic && s.Channel == ServiceChannel.Web && s.Phase == ServicePhase.Operation)
            .Select(s => s.Key).ToList();
        var services = await db.Services.AsNoTracking().Where(s => s.IsDemo && keys.Contains(s.Key)).ToListAsync(cancellationToken);
        return [.. services.OrderBy(s => keys.IndexOf(s.Key))];
    }

    private async Task<bool> AnyDemoDataAsync(CancellationToken cancellationToken)
    {
        var proposalIds = DemoProposals.Ids.ToList();
        return await db.Services.AnyAsync(s => s.IsDemo, cancellationToken)
            || await db.ChangeProposals.AnyAsync(p => proposalIds.Contains(p.Id), cancellationToken)
            || await db.Users.AnyAsync(u => u.IsDemo, cancellationToken)
            || await db.Organizations.AnyAsync(o => o.IsDemo, cancellationToken);
    }

    private async Task<DemoSeedResult?> CheckAsync(bool force, CancellationToken cancellationToken)
    {
        if (await AnyDemoDataAsync(cancellationToken))
        {
            return Refused(DemoSeedOutcome.AlreadyPresent, "Demo data already present. Remove it first (shishin demo remove) to load it again.");
        }

        if (!force && await db.Services.AnyAsync(s => !s.IsDemo, cancellationToken))
        {
            return Refused(DemoSeedOutcome.NonDemoServicesPresent, "This instance already has services of its own; demo data would mix with them. Use --force to add it anyway.");
        }

        var keys = DemoCatalogue.Services.Select(s => s.Key).ToList();
        var partnerKeys = DemoCatalogue.Partners.Select(p => p.Key).ToList();
        var emails = DemoCatalogue.Users.Select(u => users.NormalizeEmail(Email(u.LocalPart))).ToList();
        var taken = (await db.Services.Where(s => keys.Contains(s.Key)).Select(s => "service " + s.Key).ToListAsync(cancellationToken))
            .Concat(await db.Organizations.Where(o => partnerKeys.Contains(o.Key)).Select(o => "organisation " + o.Key).ToListAsync(cancellationToken))
            .Concat(await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => "user " + u.Email).ToListAsync(cancellationToken))
            .ToList();
        if (taken.Count > 0)
        {
            return Refused(DemoSeedOutcome.Conflict, "Taken by data that is not demo data: " + string.Join(", ", taken) + ".");
        }

        var missing = DemoCatalogue.Services.Select(s => s.Owner).Concat(DemoCatalogue.Users.SelectMany(u => u.Organizations)).Distinct()
            .Except(partnerKeys).ToList();
        var found = await db.Organizations.Where(o => missing.Contains(o.Key)).Select(o => o.Key).ToListAsync(cancellationToken);
        if (found.Count != missing.Count)
        {
            return Refused(DemoSeedOutcome.Conflict, "Organisations the demo data needs are missing: " + string.Join(", ", missing.Except(found)) + ".");
        }

        return null;
    }

    /// <summary>
    /// The proposals behind the current version, when its changelog names them and an earlier version exists: what a
    /// fresh instance has (1.0.0 improved into 1.1.0). Any other instance gets none, so they never claim a version
    /// they did not shape.
    /// </summary>
    private async Task<int> AddProposalsAsync(DemoCalendar calendar, CatalogSnapshot current, Dictionary<string, ShishinUser> people, CancellationToken cancellationToken)
    {
        var keys = DemoProposals.All.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (!current.Document.Releases.Any(r => r.Version == current.Info.Version && r.Entries.Any(e => e.Proposal is { } key && keys.Contains(key))))
        {
            return 0;
        }

        if (!SemanticVersion.TryParse(current.Info.Version, out var currentVersion))
        {
            return 0;
        }

        var basedOn = (await catalog.ListVersionsAsync(cancellationToken))
            .FirstOrDefault(v => v.Status != CatalogVersionStatus.Draft && SemanticVersion.TryParse(v.Version, out var version) && version < currentVersion);
        return await DemoProposals.AddAsync(db, calendar, current.Info, basedOn, people, cancellationToken);
    }

    private static DemoSeedResult Refused(DemoSeedOutcome outcome, string detail) => new(outcome, DemoCounts.None, [], detail);

    private async Task<int> AddPartnersAsync(DemoCalendar calendar, CancellationToken cancellationToken)
    {
        var last = await db.Organizations.Where(o => o.Kind == OrganizationKind.Partner).MaxAsync(o => (int?)o.SortOrder, cancellationToken) ?? 0;
        foreach (var spec in DemoCatalogue.Partners)
        {
            db.Organizations.Add(new Organization
            {
                Key = spec.Key,
                Kind = OrganizationKind.Partner,
                NameJa = spec.NameJa,
                NameEn = spec.NameEn,
                SortOrder = ++last,
                CreatedAt = calendar.Now,
                IsDemo = true,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return DemoCatalogue.Partners.Count;
    }

    private async Task<(List<DemoAccount> Accounts, Dictionary<string, ShishinUser> People)> AddUsersAsync(DemoCalendar calendar, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.ToDictionaryAsync(o => o.Key, o => o.Id, cancellationToken);
        var accounts = new List<DemoAccount>();
        var people = new Dictionary<string, ShishinUser>(StringComparer.Ordinal);
        foreach (var spec in DemoCatalogue.Users)
        {
            var email = Email(spec.LocalPart);
            var user = new ShishinUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = spec.DisplayName,
                CreatedAt = calendar.Now,
                LockoutEnabled = true,
                IsDemo = true,
            };
            user.Organizations.AddRange(spec.Organizations.Select(key => new UserOrganization { UserId = user.Id, OrganizationId = organizations[key] }));
            var password = NewPassword();
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, spec.Role);
            }

            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The demo user {email} could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            accounts.Add(new DemoAccount(email, spec.Role, password));
            people[spec.LocalPart] = user;
        }

        return (accounts, people);
    }

    /// <summary>Twenty random characters in groups of five: about 116 bits, easy to copy from a terminal.</summary>
    private static string NewPassword() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(PasswordAlphabet, 5)));

    private async Task<DemoCounts> AddServicesAsync(DemoCalendar calendar, CatalogSnapshot current, Dictionary<string, ShishinUser> people, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Key, cancellationToken);
        var partnerIds = DemoCatalogue.Partners.ToDictionary(p => p.Key, p => organizations[p.Key].Id);
        var builder = new DemoServiceBuilder(calendar, organizations, partnerIds);

        // The demo owner whose organisations include the service's owner speaks for its team.
        var owners = DemoCatalogue.Users.Where(u => u.Role == Roles.ServiceOwner)
            .SelectMany(u => u.Organizations.Select(o => (Organization: organizations[o].Id, User: people[u.LocalPart])))
            .ToDictionary(x => x.Organization, x => (x.User.Id, x.User.DisplayName));
        (Guid Id, string Name)? TeamOf(Service service) => owners.TryGetValue(service.OwnerOrganizationId, out var owner) ? owner : null;

        var services = new Dictionary<string, Service>(StringComparer.Ordinal);
        var canvasCount = 0;
        for (var i = 0; i < DemoCatalogue.Services.Count; i++)
        {
            var spec = DemoCatalogue.Services[i];
            var service = builder.Build(spec, DemoCatalogue.Assessments);
            services[spec.Key] = service;
            db.Services.Add(service);
            foreach (var revision in builder.Canvases(spec, service, TeamOf(service), i))
            {
                db.ServiceCanvasRevisions.Add(revision);
                canvasCount++;
            }
        }

        var assessmentBuilder = new DemoAssessmentBuilder(calendar, current.Info.Id, current.Document,
            new DemoPeople(TeamOf, people["demo-reviewer"].Id, people["demo-reviewer2"].Id));
        var (assessments, actions) = assessmentBuilder.Build(DemoCatalogue.Assessments, services);
        db.Assessments.AddRange(assessments);
        db.ActionItems.AddRange(actions);
        var withFeedback = DemoCatalogue.Services.Where(s => s.IsPublic && s.Channel == ServiceChannel.Web && s.Phase == ServicePhase.Operation)
            .Select(s => services[s.Key]).ToList();
        var (feedback, feedbackDays, improvements) = DemoFeedback.Build(calendar, withFeedback);
        db.Feedback.AddRange(feedback);
        db.FeedbackDailyAggregates.AddRange(feedbackDays);
        db.FeedbackImprovements.AddRange(improvements);
        await db.SaveChangesAsync(cancellationToken);

        var publicOwners = services.Values.Where(s => s.IsPublic).Select(s => organizations.Values.First(o => o.Id == s.OwnerOrganizationId)).Distinct().ToList();
        return new DemoCounts(
            Services: services.Count,
            PublicServices: services.Values.Count(s => s.IsPublic),
            Bureaus: publicOwners.Count(o => o.Kind == OrganizationKind.Bureau),
            Municipalities: publicOwners.Count(o => o.Kind == OrganizationKind.Municipality),
            PartnerCompanies: 0,
            CanvasRevisions: canvasCount,
            Kpis: services.Values.Sum(s => s.Kpis.Count),
            Assessments: assessments.Count,
            PublishedAssessments: assessments.Count(a => a.Status == Assessments.AssessmentStatus.Published),
            ActionItems: actions.Count,
            OverdueActionItems: actions.Count(a => a.IsOverdue),
            Users: 0);
    }
}
