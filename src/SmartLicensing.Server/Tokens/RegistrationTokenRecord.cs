namespace SmartLicensing.Server.Tokens;

/// <summary>A registration token. The token text itself is never stored, only its SHA-256 hash.</summary>
public sealed class RegistrationTokenRecord
{
    public Guid Id { get; set; }

    public int VirtualAccountId { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Maximum number of registrations; null for no limit.</summary>
    public int? MaxUses { get; set; }

    /// <summary>Successful registrations made with the token.</summary>
    public int Uses { get; set; }

    /// <summary>Devices registered with the token may use export-controlled functionality.</summary>
    public bool ExportControlled { get; set; }

    /// <summary>SHA-256 of the token text.</summary>
    public required byte[] TokenHash { get; set; }

    /// <summary>Leading characters of the token, for lists; not enough to register.</summary>
    public required string DisplayPrefix { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public required string CreatedBy { get; set; }

    public Guid Version { get; set; }
}
