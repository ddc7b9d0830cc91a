namespace SmartLicensing.Server.Accounts;

/// <summary>A virtual account: licenses and product instances each live in exactly one.</summary>
public sealed class VirtualAccount
{
    public const int MaxNameLength = 80;

    public int Id { get; set; }

    public int SmartAccountId { get; set; }

    /// <summary>Unique within the smart account, compared without case.</summary>
    public required string Name { get; set; }

    /// <summary>Upper-case copy of <see cref="Name"/> that carries the uniqueness index.</summary>
    public required string NormalizedName { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();
}
