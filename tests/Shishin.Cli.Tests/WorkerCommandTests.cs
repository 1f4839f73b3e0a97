using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Shishin.Core;
using Shishin.Core.Data;
using Shishin.Core.Jobs;
using Shishin.Core.Scans;
using Shishin.Core.Services;
using Shishin.Scanning.Tests.Fixtures;
using Shishin.Tests;

namespace Shishin.Cli.Tests;

/// <summary>
/// <c>shishin worker</c> as real processes (<c>dotnet shishin.dll worker</c>) against a real database, scanning a
/// slow local site over loopback with real Chromium: a stopped worker hands its scan back, a killed one's scan is
/// finished by the other node, and either way the run is stored once.
/// </summary>
public sealed class WorkerCommandTests
{
    private const int SitePages = 7;

    [Fact]
    public async Task Worker_SigtermMidScan_RequeuesTheRunAndTheNextWorkerStoresItOnce()
    {
        await using var site = await SlowSite.StartAsync();
        await using var world = await World.CreateAsync(TestProvider.Sqlite);
        var runId = await world.QueueAsync(site.Root);
        await using var first = await WorkerProcess.StartAsync(world.Database);

        await world.WaitForAsync(runId, r => r.Status == ScanRunStatus.Running && r.PagesDone >= 1);
        first.Signal("TERM");
        var exit = await first.WaitForExitAsync(TimeSpan.FromSeconds(40));
        var requeued = await world.RunAsync(runId);
        var partialPages = await world.PagesAsync(runId);

        Assert.Equal(0, exit);
        Assert.Contains("handed back to the queue", first.Output, StringComparison.Ordinal);
        Assert.Equal(ScanRunStatus.Queued, requeued.Status);
        Assert.StartsWith("Requeued: worker ", requeued.Error, StringComparison.Ordinal);
        Assert.InRange(partialPages, 1, SitePages - 1);

        await using var second = await WorkerProcess.StartAsync(world.Database);
        var done = await world.WaitForAsync(runId, r => r.IsFinished);

        Assert.Equal(ScanRunStatus.Done, done.Status);
        Assert.Equal(SitePages, done.Pages);
        Assert.Equal(SitePages, await world.PagesAsync(runId));
        Assert.Equal(1, await world.AggregateRunsAsync(done.ServiceId));
        Assert.Contains("recovering", second.Output, StringComparison.Ordinal);
        Assert.False(await world.JobOutlivesRunAsync(runId));
    }

    [Fact]
    public async Task Cluster_WorkerKilledMidScan_OtherWorkerFinishesTheRunOnce()
    {
        await using var site = await SlowSite.StartAsync();
        await using var world = await World.CreateAsync(TestProvider.Postgres);
        await using var a = await WorkerProcess.StartAsync(world.Database);
        await using var b = await WorkerProcess.StartAsync(world.Database);
        var runId = await world.QueueAsync(site.Root);

        var running = await world.WaitForAsync(runId, r => r.Status == ScanRunStatus.Running && r.PagesDone >= 1);
        var (victim, survivor) = running.Worker == a.InstanceId ? (a, b) : (b, a);
        Assert.Equal(victim.InstanceId, running.Worker);
        victim.Kill();
        var done = await world.WaitForAsync(runId, r => r.IsFinished);

        Assert.Equal(ScanRunStatus.Done, done.Status);
        Assert.Equal(survivor.InstanceId, done.Worker);
        Assert.Equal(SitePages, done.Pages);
        Assert.Equal(SitePages, await world.PagesAsync(runId));
        Assert.Equal(1, await world.AggregateRunsAsync(done.ServiceId));
        Assert.Contains("recovering", survivor.Output, StringComparison.Ordinal);
    }

    /// <summary>The database with a service whose profile scans the slow site, and a web-only node's scheduler to queue runs.</summary>
    private sealed class World : IAsyncDisposable
    {
        private World(TestDatabase database, ServiceProvider services)
        {
            Database = database;
            Services = services;
        }

        public TestDatabase Database { get; }

        public ServiceProvider Services { get; }

        public static async Task<World> CreateAsync(TestProvider provider)
        {
            var database = TestDatabase.Create(provider);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddShishinCore(configuration);
            // The test queues runs into the store as a CLI command would; only the worker processes run them.
            services.AddShishinJobs(configuration, JobsHost.Command);
            var built = services.BuildServiceProvider();
            await built.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            return new World(database, built);
        }

        public async Task<Guid> QueueAsync(Uri root)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var owner = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
            var service = await AssessmentSamples.ServiceAsync(db, "worker-" + Guid.NewGuid().ToString("N")[..10], owner, more: s => s.EntryUrls = root.AbsoluteUri);
            var profile = new ScanProfile { ServiceId = service.Id, MaxPages = SitePages, Cadence = ScanCadence.Off, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.ScanProfiles.Add(profile);
            await db.SaveChangesAsync();
            var run = await scope.ServiceProvider.GetRequiredService<ScanDispatcher>().QueueAsync(profile, ScanTrigger.OnDemand, null, null, "test");
            return run.Id;
        }

        public async Task<ScanRun> RunAsync(Guid id)
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ScanRuns.AsNoTracking().SingleAsync(r => r.Id == id);
        }

        public async Task<int> PagesAsync(Guid id)
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ScanPages.CountAsync(p => p.RunId == id);
        }

        /// <summary>
        /// The runs the service's daily aggregates count. The aggregate is written just after the run is committed, so this
        /// waits (up to 30 s) for it to appear rather than read it in the moment between.
        /// </summary>
        public async Task<int> AggregateRunsAsync(Guid serviceId)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                await using var scope = Services.CreateAsyncScope();
                var aggregates = scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ScanDailyAggregates.Where(a => a.ServiceId == serviceId);
                if (await aggregates.AnyAsync() || DateTime.UtcNow > deadline)
                {
                    return await aggregates.SumAsync(a => a.Runs);
                }

                await Task.Delay(250);
            }
        }

        /// <summary>
        /// Whether the run's Quartz job is still stored after up to half a minute: the worker marks the run done inside the
        /// job, and Quartz removes the job only after it returns, so the removal trails what the run's row shows.
        /// </summary>
        public async Task<bool> JobOutlivesRunAsync(Guid id)
        {
            var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await scheduler.Exists(RunScanJob.KeyFor(id)))
            {
                if (DateTime.UtcNow > deadline)
                {
                    return true;
                }

                await Task.Delay(200);
            }

            return false;
        }

        /// <summary>Polls the run until <paramref name="done"/>; fails after two minutes with the run's last state.</summary>
        public async Task<ScanRun> WaitForAsync(Guid id, Func<ScanRun, bool> done)
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (true)
            {
                var run = await RunAsync(id);
                if (done(run))
                {
                    return run;
                }

                Assert.True(DateTime.UtcNow < deadline, $"Run {id} stayed {run.Status} ({run.PagesDone} page(s), worker '{run.Worker}', error '{run.Error}').");
                await Task.Delay(250);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    /// <summary><c>dotnet shishin.dll worker</c> with the test database's settings in its environment.</summary>
    private sealed class WorkerProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private readonly TaskCompletionSource<string> started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private WorkerProcess(Process process) => this.process = process;

        public string InstanceId { get; private set; } = "";

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public static async Task<WorkerProcess> StartAsync(TestDatabase database)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(ShishinDll());
            start.ArgumentList.Add("worker");
            foreach (var (key, value) in database.Settings)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            start.Environment["Jobs__PollInterval"] = "00:00:01";
            start.Environment["Jobs__CheckinInterval"] = "00:00:02";
            start.Environment["Scanning__AllowPrivateNetworks"] = "true";
            start.Environment["Scanning__BrowserPath"] = FixtureSite.BrowserPath();
            var worker = new WorkerProcess(Process.Start(start)!);
            worker.process.OutputDataReceived += (_, e) => worker.Append(e.Data);
            worker.process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
            worker.process.BeginOutputReadLine();
            worker.process.BeginErrorReadLine();
            var ready = await Task.WhenAny(worker.started.Task, Task.Delay(TimeSpan.FromSeconds(90)));
            Assert.True(ready == worker.started.Task, "The worker did not start: " + worker.Output);
            worker.InstanceId = await worker.started.Task;
            return worker;
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            const string Prefix = "Worker ";
            if (line.StartsWith(Prefix, StringComparison.Ordinal) && line.Contains(" running:", StringComparison.Ordinal))
            {
                started.TrySetResult(line[Prefix.Length..line.IndexOf(" running:", StringComparison.Ordinal)]);
            }
        }

        public void Signal(string signal)
        {
            using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        /// <summary>SIGKILL: no handler runs, as when a node dies.</summary>
        public void Kill() => process.Kill();

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(cancel.Token);
            return process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        /// <summary>
        /// The CLI as its project builds it (building the tests builds it), with its own runtime config and deps: the
        /// copy beside the tests lacks the ASP.NET Core framework reference the worker's host needs.
        /// </summary>
        private static string ShishinDll()
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Shishin.slnx")))
                {
                    return Path.Combine(directory.FullName, "src", "Shishin.Cli", "bin", configuration, "net10.0", "shishin.dll");
                }
            }

            throw new InvalidOperationException("shishin.dll not found.");
        }
    }

    /// <summary>A site on loopback whose pages answer after a second each: a scan of it lasts long enough to stop mid-way.</summary>
    private sealed class SlowSite : IAsyncDisposable
    {
        private readonly WebApplication app;

        private SlowSite(WebApplication app, int port)
        {
            this.app = app;
            Root = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        }

        public Uri Root { get; }

        public static async Task<SlowSite> StartAsync()
        {
            var port = FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
            var app = builder.Build();
            var links = string.Concat(Enumerable.Range(1, SitePages - 1).Select(i => $"<li><a href=\"/p/{i}\">Page {i}</a></li>"));
            app.MapGet("/", () => Page("Home", $"<ul>{links}</ul>"));
            app.MapGet("/p/{n:int}", async (int n) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                return Page($"Page {n}", "<p>A slow page of the worker tests.</p>");
            });
            await app.StartAsync();
            return new SlowSite(app, port);
        }

        private static IResult Page(string title, string body) => Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>",
            "text/html; charset=utf-8");

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
