namespace SmartLicensing.Server.AdminApi;

/// <summary>An Admin API key, stored as the SHA-256 hash of the key text.</summary>
public sealed class ApiKeyRecord
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required byte[] KeyHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
