using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Shishin.Core.Uptime;

/// <summary>
/// The one recurring Quartz job that probes every check (docs/adr/0021-uptime-probes.md): it fires a few seconds after each
/// execution ends, and each execution runs the <see cref="UptimeRunner"/> for <see cref="UptimeOptions.RunFor"/>. Not concurrent, so
/// in a cluster one node probes at a time; recoverable, so another node takes over when that one dies.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ProbeUptimeJob(UptimeRunner runner, IOptions<UptimeOptions> options) : IJob
{
    public static readonly JobKey Key = new("probe-uptime", "uptime");
    public static readonly TriggerKey RecurringTrigger = new("probe-uptime-recurring", "uptime");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            await runner.RunAsync(cancellationToken);
        }
    }
}

/// <summary>Nightly: raw probes past their retention go (<see cref="UptimeRetention"/>).</summary>
[DisallowConcurrentExecution]
public sealed class PruneUptimeProbesJob(UptimeRetention retention) : IJob
{
    public static readonly JobKey Key = new("prune-uptime-probes", "uptime");
    public static readonly TriggerKey NightlyTrigger = new("prune-uptime-probes-nightly", "uptime");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await retention.PruneAsync(cancellationToken);
}

public static class UptimeServiceCollectionExtensions
{
    /// <summary>The uptime services: checks, the shared prober and runner, the recorder, retention and the status pages' reader.</summary>
    public static IServiceCollection AddShishinUptime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UptimeOptions>().Bind(configuration.GetSection(UptimeOptions.SectionName));
        services.AddOptions<Scans.ScanningOptions>().Bind(configuration.GetSection(Scans.ScanningOptions.SectionName));
        services.AddScoped<UptimeChecks>();
        services.AddScoped<UptimeRecorder>();
        services.AddScoped<UptimeRetention>();
        services.AddScoped<UptimeStatusReader>();
        services.AddSingleton<UptimeProber>();
        services.AddSingleton<UptimeRunner>();
        services.AddScoped<ProbeUptimeJob>();
        services.AddScoped<PruneUptimeProbesJob>();
        return services;
    }

    /// <summary>
    /// The probe job, 2 s after each execution ends (a fixed delay: executions never queue up behind one another; a
    /// missed one is skipped, the next catches up), and the nightly prune.
    /// </summary>
    public static void AddUptimeJobs(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.AddJob<ProbeUptimeJob>(j => j.WithIdentity(ProbeUptimeJob.Key).RequestRecovery())
            .AddTrigger(t => t.ForJob(ProbeUptimeJob.Key).WithIdentity(ProbeUptimeJob.RecurringTrigger)
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(2)).RepeatForever()
                    .MeasureIntervalFromCompletion(true).WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        quartz.AddJob<PruneUptimeProbesJob>(j => j.WithIdentity(PruneUptimeProbesJob.Key))
            .AddTrigger(t => t.ForJob(PruneUptimeProbesJob.Key).WithIdentity(PruneUptimeProbesJob.NightlyTrigger)
                .WithCronSchedule("0 40 3 * * ?", c => c.InTimeZone(JapanTime.Zone)));
    }
}
