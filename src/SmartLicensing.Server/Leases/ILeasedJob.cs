namespace SmartLicensing.Server.Leases;

/// <summary>
/// Background work that must run on one node at a time (expiry, alerts, sync): the
/// <see cref="LeasedJobRunner"/> runs it every <see cref="Interval"/> while this node holds the
/// background-jobs lease. A run should end well within the lease duration.
/// </summary>
public interface ILeasedJob
{
    string Name { get; }

    TimeSpan Interval { get; }

    /// <summary>Runs the job once.</summary>
    /// <param name="services">A scope for this run; take the store and other scoped services from it.</param>
    /// <param name="cancellationToken">Cancelled when the server stops.</param>
    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}
