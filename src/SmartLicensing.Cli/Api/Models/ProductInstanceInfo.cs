namespace SmartLicensing.Cli.Api.Models;

/// <summary>A registered device (product instance) and the entitlements it uses.</summary>
internal sealed record ProductInstanceInfo(
    Guid Id,
    string Udi,
    string? ProductName,
    string? VirtualAccount,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset? LastContactAt,
    bool ExportControlledAllowed,
    IReadOnlyList<EntitlementUsageInfo>? Entitlements,
    bool Reserved = false);
