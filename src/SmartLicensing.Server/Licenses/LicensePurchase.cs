namespace SmartLicensing.Server.Licenses;

/// <summary>One imported order line: a PID and quantity added to a virtual account.</summary>
public sealed class LicensePurchase
{
    public long Id { get; set; }

    public int VirtualAccountId { get; set; }

    /// <summary>Import batch; all lines of one import share it.</summary>
    public Guid ImportId { get; set; }

    public required string Pid { get; set; }

    public int Quantity { get; set; }

    /// <summary>End of a term license; null for a perpetual one.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The term ended and its entitlements left the purchased counts; set once by the compliance checks.</summary>
    public bool ExpiryApplied { get; set; }

    public string? OrderReference { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
