namespace SmartLicensing.Server.Leases;

/// <summary>
/// A lease in the store that at most one server node holds at a time. A node takes it when it is
/// free or expired and must renew it before it expires; a node that stops renewing loses it to
/// another after <see cref="LeaseOptions.Duration"/>.
/// </summary>
public interface IDatabaseLease
{
    /// <summary>Name of the lease row.</summary>
    string Name { get; }

    /// <summary>This node's id in the lease row.</summary>
    string HolderId { get; }

    /// <summary>True while the last take or renewal succeeded and its term has not run out.</summary>
    bool IsHeld { get; }

    /// <summary>Takes the lease when it is free or expired, or renews it when this node holds it; returns whether this node holds it now.</summary>
    Task<bool> TryAcquireAsync(CancellationToken cancellationToken);

    /// <summary>Gives the lease up at once when this node holds it, so another node need not wait for the expiry.</summary>
    Task ReleaseAsync(CancellationToken cancellationToken);
}
