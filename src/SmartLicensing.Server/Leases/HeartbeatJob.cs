using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.Leases;

/// <summary>Does nothing but log at debug level; shows in the log and in tests which node runs the jobs.</summary>
internal sealed class HeartbeatJob(ILogger<HeartbeatJob> logger) : ILeasedJob
{
    public string Name => "heartbeat";

    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    /// <summary>Number of runs on this node.</summary>
    public int Runs { get; private set; }

    public Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        Runs++;
        LeaseLog.Heartbeat(logger, Runs);
        return Task.CompletedTask;
    }
}
