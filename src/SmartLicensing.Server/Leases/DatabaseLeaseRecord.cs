namespace SmartLicensing.Server.Leases;

/// <summary>
/// A named lease in the store: the node that holds it and until when. A node holds the lease
/// while <see cref="ExpiresAt"/> is in the future and <see cref="Holder"/> is its id.
/// </summary>
public sealed class DatabaseLeaseRecord
{
    /// <summary>The lease under which the background jobs run.</summary>
    public const string BackgroundJobs = "background-jobs";

    public required string Name { get; set; }

    /// <summary>Node id of the holder; empty when no node ever held the lease.</summary>
    public required string Holder { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
