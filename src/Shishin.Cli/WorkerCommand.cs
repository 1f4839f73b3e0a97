using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Shishin.Core;
using Shishin.Core.Data;
using Shishin.Core.Jobs;

namespace Shishin.Cli;

/// <summary>
/// <c>shishin worker</c>: a node that runs the jobs (scans, schedules, nightly maintenance and whatever else is
/// registered in <c>Jobs/Extensions.cs</c>) from the store in the database, until Ctrl+C or SIGTERM. Each job's start
/// and end is a line on standard output. On stop, a running scan is cancelled, its partial pages kept with the run,
/// the run set back to Queued and its firing handed back to the store, so another node (or this one when it starts
/// again) scans it again; see docs/adr/0020-quartz-persistent-store.md.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CliContext context)
    {
        var command = context.Database.WithOptions(new Command("worker", "Run jobs (scans, schedules, nightly maintenance) until Ctrl+C or SIGTERM."));
        command.SetAction(async (parse, ct) =>
        {
            var configuration = context.Database.Configuration(parse);
            var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddConfiguration(configuration);
            builder.Logging.AddProvider(new TextWriterLoggerProvider(context.Error)).SetMinimumLevel(LogLevel.Warning);
            // This command's own stop comes from System.CommandLine's token; the host must not install a second handler.
            builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
            builder.Services.AddShishinCore(configuration);
            builder.Services.AddShishinJobs(configuration, JobsHost.Worker);
            using var host = builder.Build();

            await context.Error.WriteLineAsync($"Database: {host.Services.GetRequiredService<DatabaseLocation>().Description}");
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
            scheduler.ListenerManager.AddJobListener(new PrintingListener(context.Output), []);
            await host.StartAsync(ct);
            var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Worker {scheduler.SchedulerInstanceId} running: {options.MaxConcurrentScans} scan(s) at a time. Ctrl+C or SIGTERM stops it."));
            await context.Output.FlushAsync(CancellationToken.None);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }

            await context.Output.WriteLineAsync("Stopping: running jobs are asked to stop; scans go back to the queue.");
            await context.Output.FlushAsync(CancellationToken.None);
            await host.StopAsync(CancellationToken.None);
            await context.Output.WriteLineAsync("Worker stopped.");
            return 0;
        });
        return command;
    }

    /// <summary>Prints one line when a job starts and one when it ends, with how it ended.</summary>
    private sealed class PrintingListener(TextWriter output) : IJobListener
    {
        private readonly Lock gate = new();

        public string Name => "shishin-worker-output";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            Write(context, "start", context.Recovering ? "recovering" : "");
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            var outcome = context.Result is RunScanJob.RequeuedResult ? "handed back to the queue"
                : jobException is null ? "done"
                : "failed: " + (jobException.InnerException ?? jobException).Message;
            Write(context, "end", string.Create(CultureInfo.InvariantCulture, $"{outcome} in {context.JobRunTime.TotalSeconds:0.0} s"));
            return ValueTask.CompletedTask;
        }

        public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;

        private void Write(IJobExecutionContext context, string what, string detail)
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {what} {context.JobDetail.Key}{(detail.Length > 0 ? " " + detail : "")}");
            lock (gate)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }
    }

    /// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the command line's cancellation.</summary>
    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
