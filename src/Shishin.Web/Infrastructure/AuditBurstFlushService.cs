namespace Shishin.Web.Infrastructure;

/// <summary>Writes closed bursts every half minute and every open one when the host stops.</summary>
public sealed class AuditBurstFlushService(AuditBursts bursts, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await bursts.FlushAsync(all: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken);
        }
        finally
        {
            // Even when the host's shutdown time has run out: the held counts exist nowhere else.
            await bursts.FlushAsync(all: true, CancellationToken.None);
        }
    }
}
