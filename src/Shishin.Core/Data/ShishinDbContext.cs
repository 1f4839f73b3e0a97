using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.ApiKeys;
using Shishin.Core.Assessments;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;
using Shishin.Core.Notifications;
using Shishin.Core.Organizations;
using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.Core.Data;

/// <summary>
/// The one model of Shishin. Provider-specific subclasses exist only so that each provider keeps its own
/// migrations; the model itself must not depend on the provider.
/// </summary>
public abstract class ShishinDbContext(DbContextOptions options)
    : IdentityDbContext<ShishinUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<UserOrganization> UserOrganizations => Set<UserOrganization>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CatalogVersion> CatalogVersions => Set<CatalogVersion>();
    public DbSet<ChangeProposal> ChangeProposals => Set<ChangeProposal>();
    public DbSet<ProposalComment> ProposalComments => Set<ProposalComment>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SetupRecord> SetupRecords => Set<SetupRecord>();
    public DbSet<UserDevice> UserDevices => Set<UserDevice>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServicePartner> ServicePartners => Set<ServicePartner>();
    public DbSet<ServicePhaseChange> ServicePhaseChanges => Set<ServicePhaseChange>();
    public DbSet<ServiceKpi> ServiceKpis => Set<ServiceKpi>();
    public DbSet<ServiceCanvasRevision> ServiceCanvasRevisions => Set<ServiceCanvasRevision>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<CheckpointResult> CheckpointResults => Set<CheckpointResult>();
    public DbSet<AssessmentReviewer> AssessmentReviewers => Set<AssessmentReviewer>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ScanProfile> ScanProfiles => Set<ScanProfile>();
    public DbSet<ScanRun> ScanRuns => Set<ScanRun>();
    public DbSet<ScanPage> ScanPages => Set<ScanPage>();
    public DbSet<ScanFinding> ScanFindings => Set<ScanFinding>();
    public DbSet<ScanDailyAggregate> ScanDailyAggregates => Set<ScanDailyAggregate>();
    public DbSet<NotificationSubscription> NotificationSubscriptions => Set<NotificationSubscription>();
    public DbSet<NotificationWebhook> NotificationWebhooks => Set<NotificationWebhook>();
    public DbSet<NotificationEventRecord> NotificationEvents => Set<NotificationEventRecord>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();
    public DbSet<Uptime.UptimeCheck> UptimeChecks => Set<Uptime.UptimeCheck>();
    public DbSet<Uptime.UptimeProbe> UptimeProbes => Set<Uptime.UptimeProbe>();
    public DbSet<Uptime.UptimeDailyAggregate> UptimeDailyAggregates => Set<Uptime.UptimeDailyAggregate>();
    public DbSet<Uptime.UptimeIncident> UptimeIncidents => Set<Uptime.UptimeIncident>();
    public DbSet<Uptime.UptimeIncidentEvent> UptimeIncidentEvents => Set<Uptime.UptimeIncidentEvent>();
    public DbSet<CitizenFeedback.Feedback> Feedback => Set<CitizenFeedback.Feedback>();
    public DbSet<CitizenFeedback.FeedbackDailyAggregate> FeedbackDailyAggregates => Set<CitizenFeedback.FeedbackDailyAggregate>();
    public DbSet<CitizenFeedback.FeedbackImprovement> FeedbackImprovements => Set<CitizenFeedback.FeedbackImprovement>();
    public DbSet<CitizenFeedback.ServiceFeedbackSettings> ServiceFeedbackSettings => Set<CitizenFeedback.ServiceFeedbackSettings>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ShishinDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every timestamp is UTC; SQLite forgets the kind on the way back, PostgreSQL insists on it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RejectAuditEventChanges();
        RejectPublishedCatalogChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RejectAuditEventChanges();
        RejectPublishedCatalogChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // A published catalogue version is a record that assessments point to: it may only be retired, never edited or removed.
    private void RejectPublishedCatalogChanges()
    {
        foreach (var entry in ChangeTracker.Entries<CatalogVersion>())
        {
            var wasDraft = entry.State != EntityState.Added
                && entry.Property(v => v.Status).OriginalValue == CatalogVersionStatus.Draft;
            if (entry.State == EntityState.Deleted && !wasDraft)
            {
                throw new InvalidOperationException("A published catalogue version cannot be deleted.");
            }

            if (entry.State == EntityState.Modified && !wasDraft)
            {
                var allowed = new[] { nameof(CatalogVersion.Status), nameof(CatalogVersion.RetiredAt) };
                var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name);
                if (changed.Except(allowed).Any() || entry.Entity.Status != CatalogVersionStatus.Retired)
                {
                    throw new InvalidOperationException("A published catalogue version cannot be changed; only retired.");
                }
            }
        }
    }

    private void RejectAuditEventChanges()
    {
        if (ChangeTracker.Entries<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit events are append-only: they can be added, never changed or removed.");
        }
    }
}

public sealed class SqliteShishinDbContext(DbContextOptions<SqliteShishinDbContext> options) : ShishinDbContext(options);

public sealed class PostgresShishinDbContext(DbContextOptions<PostgresShishinDbContext> options) : ShishinDbContext(options);
