namespace SmartLicensing.Cli.Api.Models;

/// <summary>
/// A virtual account as the Admin API returns it. <c>Licenses</c> counts the distinct entitlements
/// with purchased licenses, <c>ProductInstances</c> the registered devices.
/// </summary>
internal sealed record VirtualAccountInfo(
    string Name,
    string? Description,
    bool IsDefault,
    DateTimeOffset? CreatedAt,
    int ProductInstances,
    int Licenses);
