namespace SmartLicensing.Server.Reservations;

/// <summary>
/// A permanent license reservation: one reservation license held by one device from the request
/// code until the device's return code gives it back. Rows stay after the return, so that a
/// return code entered a second time is recognised.
/// </summary>
public sealed class Reservation
{
    public Guid Id { get; set; }

    public int VirtualAccountId { get; set; }

    /// <summary>UDI text of the device, <c>PID:&lt;pid&gt;,SN:&lt;serial&gt;</c>.</summary>
    public required string Udi { get; set; }

    /// <summary>Raw Ed25519 key the device made for the request; it signs the return code. Unique.</summary>
    public required byte[] RequestPublicKey { get; set; }

    /// <summary>Full tag of the reservation entitlement reserved.</summary>
    public required string EntitlementTag { get; set; }

    /// <summary>The authorization code as issued, so that reserving the same request again returns it unchanged.</summary>
    public required string AuthorizationCode { get; set; }

    /// <summary>The confirmation code the device prints when it installs <see cref="AuthorizationCode"/>.</summary>
    public required string ConfirmationCode { get; set; }

    public DateTimeOffset ReservedAt { get; set; }

    /// <summary>When the return code was accepted; null while the license is reserved.</summary>
    public DateTimeOffset? ReturnedAt { get; set; }

    /// <summary>The accepted return code, normalized to its formatted text.</summary>
    public string? ReturnCode { get; set; }

    public Guid Version { get; set; }
}
