using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Notifications;
using Shishin.Core.Scans;
using Shishin.Core.Uptime;

namespace Shishin.Core.Jobs;

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>
    /// Whether this process may run jobs at all. False keeps a process from executing anything (tests of pages, load
    /// tests); it still schedules into the store, like a web-only node.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether the web process runs jobs (the embedded default). False on web-only nodes beside <c>shishin worker</c>.</summary>
    public bool RunInWeb { get; set; } = true;

    /// <summary>Scans one node runs at once; each has its own Chromium.</summary>
    public int MaxConcurrentScans { get; set; } = 1;

    /// <summary>How often an idle node asks the store for due triggers (PostgreSQL: a queued scan waits at most this long).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a clustered node records that it is alive; a node silent for twice this is taken for dead.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Which process the jobs are registered for.</summary>
public enum JobsHost
{
    /// <summary>The web app: runs jobs when <see cref="JobsOptions.RunInWeb"/> and <see cref="JobsOptions.Enabled"/> say so.</summary>
    Web,

    /// <summary><c>shishin worker</c>: always runs jobs.</summary>
    Worker,

    /// <summary>A CLI command: queues jobs into the store (a notification, a scan schedule) and never runs one.</summary>
    Command,
}

public static class JobsServiceCollectionExtensions
{
    /// <summary>The execution group of scans: at most <see cref="JobsOptions.MaxConcurrentScans"/> of them run on one node.</summary>
    public const string ScanExecutionGroup = "scans";

    /// <summary>Threads beside the scans' for light jobs (nightly maintenance, schedule triggers that queue scans, probes).</summary>
    private const int LightJobThreads = 4;

    /// <summary>
    /// Quartz.NET on its persistent ADO.NET store in our own database (tables from the <c>I14QuartzStore</c>
    /// migrations), clustered on PostgreSQL; see docs/adr/0020-quartz-persistent-store.md. Every process gets a
    /// scheduler to queue jobs into the store; only a process that runs jobs starts it.
    /// Call after <c>AddShishinCore</c>, which says where the database is.
    /// </summary>
    public static IServiceCollection AddShishinJobs(this IServiceCollection services, IConfiguration configuration, JobsHost host = JobsHost.Web)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (options.MaxConcurrentScans < 1)
        {
            throw new InvalidOperationException("Jobs:MaxConcurrentScans must be 1 or more.");
        }

        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.SectionName));
        var database = services.Select(d => d.ImplementationInstance).OfType<DatabaseLocation>().LastOrDefault()
            ?? throw new InvalidOperationException("AddShishinCore must come before AddShishinJobs: the job store lives in the application's database.");

        services.AddScoped<PurgeExpiredInvitationsJob>();
        services.AddScoped<PurgeExpiredSessionsJob>();
        services.AddScoped<MarkOverdueActionItemsJob>();
        services.AddScoped<RunScanJob>();
        services.AddScoped<QueueScheduledScanJob>();
        services.AddScoped<ScanRetentionJob>();
        services.AddShishinUptime(configuration);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "shishin";
                s.IdleWaitTime = options.PollInterval;
                // SIGTERM: running jobs are asked to stop and given the time they need; a scan that stops by throwing
                // OperationCanceledException is handed back to the store for another node (RecoverFiringsCancelledByShutdown).
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.UseDefaultThreadPool(options.MaxConcurrentScans + LightJobThreads);
            q.UseExecutionLimits(l => l.ForGroup(ScanExecutionGroup, options.MaxConcurrentScans, ExecutionLimitScope.Node));
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(s =>
                {
                    // Job data are run and profile ids: strings keep the rows readable and free of serializer versions.
                    s.StoreJobDataAsStrings = true;
                    s.RecoverFiringsCancelledByShutdown = true;
                    s.MisfireThreshold = TimeSpan.FromMinutes(1);
                });
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.CheckinInterval;
                        c.CheckinMisfireThreshold = options.CheckinInterval * 2;
                    });
                }
                else
                {
                    // Not clustered: Quartz refuses SQLite clustering (its locks are in process), and one file is one node.
                    store.UseSqlite(database.ConnectionString);
                }
            });
            AddRecurringJobs(q, JapanTime.Zone);
        });

        var runsJobs = host == JobsHost.Worker || (host == JobsHost.Web && options.Enabled && options.RunInWeb);
        if (runsJobs)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            services.AddHostedService<ScanScheduleReconciler>();
        }

        return services;
    }

    /// <summary>
    /// The recurring jobs every node knows, with stable keys: the persistent store keeps one row per key however often
    /// nodes start (a stored job or trigger is replaced, never added twice). A new recurring job (an uptime probe
    /// sweep, a digest) is one more line here with <see cref="AddCron{TJob}"/>, plus its <c>AddScoped</c> above.
    /// </summary>
    private static void AddRecurringJobs(IQuartzBuilder q, TimeZoneInfo tokyo)
    {
        q.AddCron<PurgeExpiredInvitationsJob>(PurgeExpiredInvitationsJob.Key, PurgeExpiredInvitationsJob.NightlyTrigger, "0 15 3 * * ?", tokyo);
        q.AddCron<PurgeExpiredSessionsJob>(PurgeExpiredSessionsJob.Key, PurgeExpiredSessionsJob.NightlyTrigger, "0 20 3 * * ?", tokyo);
        q.AddCron<MarkOverdueActionItemsJob>(MarkOverdueActionItemsJob.Key, MarkOverdueActionItemsJob.NightlyTrigger, "0 5 0 * * ?", tokyo);
        q.AddCron<ScanRetentionJob>(ScanRetentionJob.Key, ScanRetentionJob.NightlyTrigger, "0 40 3 * * ?", tokyo);
        q.AddCron<NotificationDigestJob>(NotificationDigestJob.Key, NotificationDigestJob.MorningTrigger, NotificationDigestJob.Cron, tokyo);
        q.AddUptimeJobs();
        // Profiles' triggers point at this one durable job (ScanSchedules); it has no trigger of its own.
        q.AddJob<QueueScheduledScanJob>(j => j.WithIdentity(QueueScheduledScanJob.Key).StoreDurably());
    }

    /// <summary>
    /// Registers a job with one cron trigger in Tokyo time. A schedule missed while every node was down fires once
    /// when a node is back (FireAndProceed), not once per missed period.
    /// </summary>
    public static IQuartzBuilder AddCron<TJob>(this IQuartzBuilder q, JobKey job, TriggerKey trigger, string cron, TimeZoneInfo zone)
        where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(q);
        q.AddJob<TJob>(j => j.WithIdentity(job))
            .AddTrigger(t => t.ForJob(job).WithIdentity(trigger)
                .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        return q;
    }
}
