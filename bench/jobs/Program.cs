using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shishin.Core;
using Shishin.Core.Data;
using Shishin.Core.Jobs;
using Shishin.Core.Scans;
using Shishin.Core.Services;

// Usage (docs/benchmarks.md):
//   dotnet run -c Release --project bench/jobs -- cluster <shishin.dll> <scans>        two workers drain queued scans; one is SIGKILLed mid-way
//   dotnet run -c Release --project bench/jobs -- schedules <shishin.dll> <profiles> <minutes>   an idle worker's CPU with that many schedules
// Both need SHISHIN_TEST_POSTGRES (owner, CREATEDB) and SHISHIN_TEST_POSTGRES_APP (application role) as the tests do.
var mode = args[0];
var dll = Path.GetFullPath(args[1]);
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var owner = Environment.GetEnvironmentVariable("SHISHIN_TEST_POSTGRES")!;
var appServer = Environment.GetEnvironmentVariable("SHISHIN_TEST_POSTGRES_APP")!;
var name = $"shishin_bench_{Guid.NewGuid():N}"[..30];
await using (var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(owner) { Database = "postgres" }.ToString()))
{
    await c.OpenAsync();
    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
    await create.ExecuteNonQueryAsync();
}

var ownerDb = new NpgsqlConnectionStringBuilder(owner) { Database = name }.ToString();
var app = new NpgsqlConnectionStringBuilder(appServer) { Database = name };
var settings = new Dictionary<string, string?>
{
    ["Database:Provider"] = "Postgres",
    ["ConnectionStrings:Shishin"] = app.ToString(),
    ["ConnectionStrings:ShishinOwner"] = ownerDb,
    ["Database:ApplicationRole"] = app.Username,
    ["Jobs:RunInWeb"] = "false",
};
var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
var services = new ServiceCollection();
services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
services.AddShishinCore(configuration);
services.AddShishinJobs(configuration);
await using var provider = services.BuildServiceProvider();
await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
try
{
    if (mode == "cluster")
    {
        await Cluster(provider, settings, dll, count);
    }
    else
    {
        await Schedules(provider, settings, dll, count, double.Parse(args[3], CultureInfo.InvariantCulture));
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(owner) { Database = "postgres" }.ToString());
    await c.OpenAsync();
    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", c);
    await drop.ExecuteNonQueryAsync();
}

static async Task Cluster(ServiceProvider provider, Dictionary<string, string?> settings, string dll, int scans)
{
    await using var site = await StartSiteAsync();
    Guid serviceId;
    await using (var scope = provider.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var service = await NewServiceAsync(db, "bench-cluster", site.Urls.First() + "/");
        serviceId = service.Id;
        var profile = new ScanProfile { ServiceId = service.Id, MaxPages = 2, Cadence = ScanCadence.Off, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.ScanProfiles.Add(profile);
        await db.SaveChangesAsync();
        var dispatcher = scope.ServiceProvider.GetRequiredService<ScanDispatcher>();
        for (var i = 0; i < scans; i++)
        {
            await dispatcher.QueueAsync(profile, ScanTrigger.OnDemand, null, null, "bench");
        }
    }

    Console.WriteLine($"{scans} scans queued; starting two workers");
    var clock = Stopwatch.StartNew();
    var a = Worker(dll, settings, "a");
    var b = Worker(dll, settings, "b");
    // Both must be up before the kill means anything; a worker that never started says why.
    var upBy = clock.Elapsed + TimeSpan.FromMinutes(3);
    while ((a.Id.Length == 0 || b.Id.Length == 0) && clock.Elapsed < upBy)
    {
        await Task.Delay(500);
    }

    foreach (var w in new[] { a, b }.Where(w => w.Id.Length == 0))
    {
        Console.WriteLine($"a worker did not start within 3 minutes; its output:\n{w.Output()}");
        a.Process.Kill();
        b.Process.Kill();
        return;
    }

    // Kill worker a with SIGKILL once about a quarter of the scans are done and it is in the middle of one.
    while (await Finished(provider, serviceId) < scans / 4)
    {
        await Task.Delay(500);
    }

    a.Process.Kill();
    var killedAt = clock.Elapsed;
    Console.WriteLine($"worker a killed (SIGKILL) at {killedAt.TotalSeconds:0} s");
    while (await Finished(provider, serviceId) < scans && clock.Elapsed < TimeSpan.FromMinutes(40))
    {
        await Task.Delay(1000);
    }

    var wall = clock.Elapsed;
    b.Process.Kill();
    await using var check = provider.CreateAsyncScope();
    var db2 = check.ServiceProvider.GetRequiredService<ShishinDbContext>();
    var runs = await db2.ScanRuns.AsNoTracking().Where(r => r.ServiceId == serviceId).ToListAsync();
    var pages = await db2.ScanPages.GroupBy(p => p.RunId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    // A run stored twice shows as more page rows than the run counts, as one URL stored twice in a run, or as more runs
    // than were queued. (The daily aggregate is recomputed from the stored runs, so it cannot tell.)
    var pageTwice = await db2.ScanPages.Where(p => db2.ScanRuns.Any(r => r.Id == p.RunId && r.ServiceId == serviceId))
        .GroupBy(p => new { p.RunId, p.RequestedUrl, p.Step }).CountAsync(g => g.Count() > 1);
    var done = runs.Count(r => r.Status == ScanRunStatus.Done);
    var duplicates = runs.Count(r => pages.GetValueOrDefault(r.Id) != r.Pages) + pageTwice + Math.Max(0, runs.Count - scans);
    var startedTwice = b.Recovered();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"scans queued {scans}; run to Done {done}; failed {runs.Count(r => r.Status == ScanRunStatus.Failed)}; lost (not finished) {runs.Count(r => !r.IsFinished)}; " +
        $"started twice (recovered from the killed worker) {startedTwice}; complete duplicates stored {duplicates}; " +
        $"by worker a {runs.Count(r => r.Worker == a.Id)}, b {runs.Count(r => r.Worker == b.Id)}; wall {wall.TotalSeconds:0} s; worker a killed at {killedAt.TotalSeconds:0} s"));
    await site.StopAsync();
}

static async Task Schedules(ServiceProvider provider, Dictionary<string, string?> settings, string dll, int profiles, double minutes)
{
    await using (var scope = provider.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var ownerOrg = await db.Organizations.Select(o => o.Id).FirstAsync();
        var now = DateTime.UtcNow;
        for (var batch = 0; batch < profiles; batch += 1000)
        {
            for (var i = batch; i < Math.Min(profiles, batch + 1000); i++)
            {
                var service = new Service
                {
                    Key = $"bench-{i:D5}", NameJa = $"ベンチ {i}", NameEn = $"Bench {i}", OwnerOrganizationId = ownerOrg, CreatedAt = now, UpdatedAt = now,
                };
                db.Services.Add(service);
                db.ScanProfiles.Add(new ScanProfile { ServiceId = service.Id, Cadence = ScanCadence.Weekly, CreatedAt = now, UpdatedAt = now });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    Console.WriteLine($"{profiles} weekly profiles stored; starting one worker");
    var clock = Stopwatch.StartNew();
    var worker = Worker(dll, settings, "w");
    await using var connection = new NpgsqlConnection(settings["ConnectionStrings:ShishinOwner"]);
    await connection.OpenAsync();
    long triggers = 0;
    while (triggers < profiles)
    {
        await Task.Delay(500);
        await using var q = new NpgsqlCommand("SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'scan-schedules'", connection);
        triggers = (long)(await q.ExecuteScalarAsync())!;
    }

    var reconciled = clock.Elapsed;
    Console.WriteLine($"{triggers} triggers stored {reconciled.TotalSeconds:0.0} s after the worker started; settling 30 s");
    await Task.Delay(TimeSpan.FromSeconds(30));
    var before = CpuSeconds(worker.Process.Id);
    var window = Stopwatch.StartNew();
    await Task.Delay(TimeSpan.FromMinutes(minutes));
    var used = CpuSeconds(worker.Process.Id) - before;
    var elapsed = window.Elapsed;
    await using var fired = new NpgsqlCommand("SELECT count(*) FROM \"ScanRuns\"", connection);
    var runs = (long)(await fired.ExecuteScalarAsync())!;
    worker.Process.Kill();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{profiles} profiles: worker CPU {used:0.00} s in {elapsed.TotalMinutes:0.0} min (user+system from /proc/<pid>/stat) = {used / elapsed.TotalHours:0} CPU s per hour " +
        $"({100 * used / elapsed.TotalSeconds:0.00}% of one core); scheduled runs queued so far {runs}; reconcile of {profiles} missing triggers {reconciled.TotalSeconds:0.0} s (worker start included)"));
}

static double CpuSeconds(int pid)
{
    // Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (100 per second on Linux).
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static async Task<int> Finished(ServiceProvider provider, Guid serviceId)
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
    return await db.ScanRuns.CountAsync(r => r.ServiceId == serviceId && (r.Status == ScanRunStatus.Done || r.Status == ScanRunStatus.Failed || r.Status == ScanRunStatus.Cancelled));
}

static async Task<Service> NewServiceAsync(ShishinDbContext db, string key, string entry)
{
    var now = DateTime.UtcNow;
    var service = new Service
    {
        Key = key, NameJa = key, NameEn = key, OwnerOrganizationId = await db.Organizations.Select(o => o.Id).FirstAsync(), EntryUrls = entry, CreatedAt = now, UpdatedAt = now,
    };
    db.Services.Add(service);
    await db.SaveChangesAsync();
    return service;
}

static WorkerProc Worker(string dll, Dictionary<string, string?> settings, string label)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    start.ArgumentList.Add(dll);
    start.ArgumentList.Add("worker");
    foreach (var (key, value) in settings)
    {
        start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
    }

    start.Environment["Jobs__PollInterval"] = "00:00:01";
    start.Environment["Jobs__CheckinInterval"] = "00:00:05";
    start.Environment["Scanning__AllowPrivateNetworks"] = "true";
    start.Environment["Scanning__BrowserPath"] = Environment.GetEnvironmentVariable("SHISHIN_TEST_SCAN_BROWSER") ?? "/usr/bin/chromium-headless-shell";
    var worker = new WorkerProc(Process.Start(start)!, label);
    worker.Process.OutputDataReceived += (_, e) => worker.Line(e.Data);
    worker.Process.ErrorDataReceived += (_, e) => worker.Line(e.Data);
    worker.Process.BeginOutputReadLine();
    worker.Process.BeginErrorReadLine();
    return worker;
}

static async Task<WebApplication> StartSiteAsync()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
    var site = builder.Build();
    static IResult Page(string title, string body) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>",
        "text/html; charset=utf-8");
    site.MapGet("/", () => Page("Home", "<p><a href=\"/about\">About</a></p>"));
    site.MapGet("/about", () => Page("About", "<p>A small page of the cluster benchmark.</p><img src=\"/x.png\">"));
    await site.StartAsync();
    return site;
}

internal sealed class WorkerProc(Process process, string label)
{
    private readonly List<string> lines = [];

    public Process Process { get; } = process;

    public string Id { get; private set; } = "";

    public void Line(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }

        if (line.StartsWith("Worker ", StringComparison.Ordinal) && line.Contains(" running:", StringComparison.Ordinal))
        {
            Id = line[7..line.IndexOf(" running:", StringComparison.Ordinal)];
            Console.WriteLine($"worker {label} is {Id}");
        }
    }

    public string Output()
    {
        lock (lines)
        {
            return string.Join('\n', lines.TakeLast(60));
        }
    }

    public int Recovered()
    {
        lock (lines)
        {
            return lines.Count(l => l.Contains(" start scans.scan-", StringComparison.Ordinal) && l.EndsWith(" recovering", StringComparison.Ordinal));
        }
    }
}
