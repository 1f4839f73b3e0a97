using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Jobs;
using Shishin.Core.Scans;
using Shishin.Tests;
using Shishin.Web.Tests.Services;

namespace Shishin.Web.Tests.Jobs;

/// <summary>A web-only node (<c>Jobs:RunInWeb=false</c>) beside workers: it queues into the job store and runs nothing.</summary>
public class WebOnlyNodeFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    protected override void ConfigureMore(IWebHostBuilder builder) => builder.UseSetting("Jobs:RunInWeb", "false");
}

public sealed class SqliteWebOnlyNodeFactory() : WebOnlyNodeFactory(TestProvider.Sqlite);

public sealed class PostgresWebOnlyNodeFactory() : WebOnlyNodeFactory(TestProvider.Postgres);

public abstract class WebOnlyNodeTests(WebOnlyNodeFactory app)
{
    [Fact]
    public async Task ScanRequested_RunInWebFalse_QueuesTheRunInTheStoreAndExecutesNoJob()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        var response = await owner.PostAsync($"/api/v1/services/{service}/scans", new StringContent("{}", Encoding.UTF8, "application/json"));
        var id = (await response.Content.ReadFromJsonAsync<ScanQueued>())!.Id;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        // The job waits in the store for a worker: its trigger is there, and this process has not started its scheduler.
        Assert.True(await scheduler.Exists(RunScanJob.KeyFor(id)));
        Assert.Equal(TriggerState.Normal, await scheduler.GetTriggerState(RunScanJob.Now(id).Key));
        var metadata = await scheduler.GetMetadata();
        Assert.Equal((SchedulerStatus.Created, null, 0, 0), (metadata.Status, metadata.RunningSince, metadata.JobsExecuted, metadata.LocalExecutingJobs));
        // Neither Quartz's hosted service (which would start the scheduler) nor the schedule reconciler of job-running nodes.
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), h => h.GetType().Name is "QuartzHostedService" or "ScanScheduleReconciler");
        await using var scope = app.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ScanRuns.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal((ScanRunStatus.Queued, null, ""), (run.Status, run.StartedAt, run.Worker));
    }

    private sealed record ScanQueued(Guid Id);
}

public sealed class WebOnlyNodeTests_Sqlite(SqliteWebOnlyNodeFactory app) : WebOnlyNodeTests(app), IClassFixture<SqliteWebOnlyNodeFactory>;

public sealed class WebOnlyNodeTests_Postgres(PostgresWebOnlyNodeFactory app) : WebOnlyNodeTests(app), IClassFixture<PostgresWebOnlyNodeFactory>;
