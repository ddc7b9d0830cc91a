namespace SmartLicensing.Server.Alerts;

/// <summary>A condition found by a compliance check; <see cref="AlertService"/> turns it into an alert.</summary>
public sealed record AlertCondition(
    string Kind,
    string Key,
    int? VirtualAccountId,
    AlertSeverity Severity,
    string Message,
    string Source,
    DateTimeOffset ActionDue);
