using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shishin.Core.Scans;

namespace Shishin.Core.Jobs;

/// <summary>
/// At the start of every process that runs jobs, brings the profiles' schedule triggers in step with the database
/// (<see cref="ScanSchedules.ReconcileAsync"/>): a profile saved while no scheduler could be reached, or a trigger left
/// by a profile deleted behind the application's back. In the background, so a large first reconcile does not hold up
/// the start; a failure is logged and the next start tries again.
/// </summary>
internal sealed class ScanScheduleReconciler(IServiceScopeFactory scopes, ILogger<ScanScheduleReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (added, removed) = await scope.ServiceProvider.GetRequiredService<ScanSchedules>().ReconcileAsync(stoppingToken);
            logger.LogInformation("Scan schedules reconciled: {Added} trigger(s) added, {Removed} removed", added, removed);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed reconcile must not stop the node; the next start repeats it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Scan schedules could not be reconciled");
        }
    }
}
