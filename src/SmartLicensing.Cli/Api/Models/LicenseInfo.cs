namespace SmartLicensing.Cli.Api.Models;

/// <summary>
/// The balance of one license (entitlement) in one virtual account. <c>Expires</c> is the earliest
/// end of a term license for the entitlement, null when all are perpetual.
/// </summary>
internal sealed record LicenseInfo(
    string VirtualAccount,
    string Tag,
    string? ShortTag,
    string? Name,
    int Purchased,
    int InUse,
    int Balance,
    DateTimeOffset? Expires);
