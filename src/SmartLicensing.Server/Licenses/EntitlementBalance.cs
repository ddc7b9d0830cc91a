namespace SmartLicensing.Server.Licenses;

/// <summary>
/// Purchased and in-use counts of one entitlement in one virtual account. Kept as running totals
/// so that an authorization touches one row per entitlement whatever the fleet size.
/// </summary>
public sealed class EntitlementBalance
{
    public int VirtualAccountId { get; set; }

    /// <summary>Full entitlement tag.</summary>
    public required string Tag { get; set; }

    public int Purchased { get; set; }

    public int InUse { get; set; }

    /// <summary>Purchased minus in use; negative while the account is over-used.</summary>
    public int Balance => Purchased - InUse;

    /// <summary>Optimistic concurrency stamp, changed on every update.</summary>
    public Guid Version { get; set; }
}
