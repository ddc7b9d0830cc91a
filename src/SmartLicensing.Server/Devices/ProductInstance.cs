namespace SmartLicensing.Server.Devices;

/// <summary>A registered device, known by its UDI and its current ID certificate.</summary>
public sealed class ProductInstance
{
    public Guid Id { get; set; }

    public int VirtualAccountId { get; set; }

    /// <summary>UDI text, <c>PID:&lt;pid&gt;,SN:&lt;serial&gt;</c>; unique.</summary>
    public required string Udi { get; set; }

    public required string ProductId { get; set; }

    public required string SerialNumber { get; set; }

    public string? ProductName { get; set; }

    public string? ProductVersion { get; set; }

    /// <summary>Raw Ed25519 public key the device signs with.</summary>
    public required byte[] PublicKey { get; set; }

    /// <summary>Serial number of the current ID certificate, upper-case hex; unique.</summary>
    public required string CertificateSerial { get; set; }

    public DateTimeOffset CertificateNotBefore { get; set; }

    public DateTimeOffset CertificateNotAfter { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset LastContactAt { get; set; }

    public DateTimeOffset? LastAuthorizedAt { get; set; }

    /// <summary>The registration token allowed export-controlled functionality.</summary>
    public bool ExportControlledAllowed { get; set; }

    public Guid? RegisteredWithTokenId { get; set; }

    /// <summary>The instance holds a permanent license reservation and has no ID certificate.</summary>
    public bool Reserved { get; set; }

    public List<ProductInstanceEntitlement> Entitlements { get; set; } = [];

    /// <summary>
    /// A new value with every change to the instance or to its entitlements, in the same
    /// transaction. The PostgreSQL renewal of unchanged instances relies on it to notice that the
    /// entitlements it read in its snapshot changed before it locked the row.
    /// </summary>
    public Guid Version { get; set; }
}
