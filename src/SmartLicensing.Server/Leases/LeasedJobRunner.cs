using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Leases;

/// <summary>
/// Every <see cref="LeaseOptions.RenewInterval"/> takes or renews the background-jobs lease and,
/// while this node holds it, runs the jobs that are due. Gives the lease up when the server stops.
/// </summary>
internal sealed class LeasedJobRunner(
    IDatabaseLease lease,
    IEnumerable<ILeasedJob> jobs,
    IServiceScopeFactory scopes,
    TimeProvider timeProvider,
    LeaseOptions options,
    ILogger<LeasedJobRunner> logger) : BackgroundService
{
    private readonly Dictionary<string, DateTimeOffset> _nextRun = new(StringComparer.Ordinal);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await lease.ReleaseAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease then runs out by itself.
            LogLeaseFailure(ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await TryHoldAsync(stoppingToken))
            {
                await RunDueJobsAsync(stoppingToken);
            }

            try
            {
                await Task.Delay(options.RenewInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<bool> TryHoldAsync(CancellationToken cancellationToken)
    {
        var wasHeld = lease.IsHeld;
        bool held;
        try
        {
            held = await lease.TryAcquireAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A store fault must not stop the server: this node runs no jobs until a renewal succeeds.
            LogLeaseFailure(ex);
            held = false;
        }

        if (held && !wasHeld)
        {
            LeaseLog.Taken(logger, lease.HolderId, lease.Name);
        }
        else if (!held && wasHeld)
        {
            LeaseLog.Lost(logger, lease.HolderId, lease.Name);
        }

        return held;
    }

    private void LogLeaseFailure(Exception exception)
    {
        if (StoreFailures.IsUnavailable(exception))
        {
            LeaseLog.StoreUnavailable(logger, lease.Name, exception.GetBaseException().Message);
        }
        else
        {
            LeaseLog.LeaseFailed(logger, lease.Name, exception);
        }
    }

    private async Task RunDueJobsAsync(CancellationToken cancellationToken)
    {
        foreach (var job in jobs)
        {
            var now = timeProvider.GetUtcNow();
            if (_nextRun.TryGetValue(job.Name, out var due) && due > now)
            {
                continue;
            }

            // Stop at once when the lease ran out during an earlier job.
            if (!lease.IsHeld)
            {
                return;
            }

            _nextRun[job.Name] = now + job.Interval;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await job.RunAsync(scope.ServiceProvider, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One failing job must not stop the others or the lease renewals; the log has the fault.
                LeaseLog.JobFailed(logger, job.Name, ex);
            }
        }
    }
}
