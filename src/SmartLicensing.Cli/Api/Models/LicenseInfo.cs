namespace SmartLicensing.Cli.Api.Models;

/// <summary>
/// The balance of one license (entitlement) in one virtual account. <c>Expires</c> is the earliest
/// end of a term license for the entitlement, null when all are perpetual; when <c>Expired</c>,
/// every term has ended and it is the end of the last one.
/// </summary>
internal sealed record LicenseInfo(
    string VirtualAccount,
    string Tag,
    string? ShortTag,
    string? Name,
    int Purchased,
    int InUse,
    int Balance,
    DateTimeOffset? Expires,
    bool Expired = false);
