namespace SmartLicensing.Server.Leases;

/// <summary>
/// Timing of the background-jobs lease. Nodes compare their own clocks with the expiry stored in
/// the database, so their clocks must agree to well within <see cref="Duration"/>.
/// </summary>
public sealed record LeaseOptions
{
    /// <summary>How long a take or renewal holds the lease.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the holder renews and the others try to take it; well below <see cref="Duration"/>.</summary>
    public TimeSpan RenewInterval { get; init; } = TimeSpan.FromSeconds(10);
}
