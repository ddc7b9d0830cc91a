namespace SmartLicensing.Server.Accounts;

/// <summary>The organisation's master account; one per server.</summary>
public sealed class SmartAccount
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The account is qualified for export-controlled functionality (strong encryption).</summary>
    public bool ExportControlledQualified { get; set; } = true;

    /// <summary>The account is approved for permanent license reservation.</summary>
    public bool ReservationEnabled { get; set; }

    public int? DefaultVirtualAccountId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
