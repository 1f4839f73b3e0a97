using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shishin.Core.Uptime;

namespace Shishin.Core.Jobs;

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run scheduled jobs in this process. A web node behind a separate worker turns this off.</summary>
    public bool Enabled { get; set; } = true;
}

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Quartz.NET runs the jobs in process. The persistent, clustered store of DESIGN.md arrives with the first job
    /// whose schedule must survive a restart (scans); see docs/adr/0006-jobs.md.
    /// </summary>
    public static IServiceCollection AddShishinJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        services.AddScoped<PurgeExpiredInvitationsJob>();
        services.AddScoped<PurgeExpiredSessionsJob>();
        services.AddScoped<MarkOverdueActionItemsJob>();
        services.AddScoped<RunScanJob>();
        services.AddShishinUptime(configuration);
        var tokyo = JapanTime.Zone;
        services.AddQuartz(q =>
        {
            q.AddJob<PurgeExpiredInvitationsJob>(j => j.WithIdentity(PurgeExpiredInvitationsJob.Key))
                .AddTrigger(t => t.ForJob(PurgeExpiredInvitationsJob.Key)
                    .WithIdentity(PurgeExpiredInvitationsJob.NightlyTrigger)
                    .WithCronSchedule("0 15 3 * * ?", c => c.InTimeZone(tokyo)));
            q.AddJob<PurgeExpiredSessionsJob>(j => j.WithIdentity(PurgeExpiredSessionsJob.Key))
                .AddTrigger(t => t.ForJob(PurgeExpiredSessionsJob.Key)
                    .WithIdentity(PurgeExpiredSessionsJob.NightlyTrigger)
                    .WithCronSchedule("0 20 3 * * ?", c => c.InTimeZone(tokyo)));
            q.AddJob<MarkOverdueActionItemsJob>(j => j.WithIdentity(MarkOverdueActionItemsJob.Key))
                .AddTrigger(t => t.ForJob(MarkOverdueActionItemsJob.Key)
                    .WithIdentity(MarkOverdueActionItemsJob.NightlyTrigger)
                    .WithCronSchedule("0 5 0 * * ?", c => c.InTimeZone(tokyo)));
            q.AddUptimeJobs();
        });
        // The scheduler is always there to queue jobs (a web node queues scans); only a node with jobs enabled runs them.
        if (options.Enabled)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}
