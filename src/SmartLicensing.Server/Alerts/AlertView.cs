namespace SmartLicensing.Server.Alerts;

/// <summary>One alert as the Admin API lists it.</summary>
/// <remarks><c>VirtualAccount</c>: Name of the virtual account; empty for smart-account alerts.</remarks>
/// <remarks><c>ClearedAt</c>: When the condition ended; null while the alert is active.</remarks>
public sealed record AlertView(
    long Id,
    AlertSeverity Severity,
    string Kind,
    string Message,
    string Source,
    string VirtualAccount,
    DateTimeOffset RaisedAt,
    DateTimeOffset ActionDue,
    DateTimeOffset? ClearedAt);
