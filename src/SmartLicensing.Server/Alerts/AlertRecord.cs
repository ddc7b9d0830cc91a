namespace SmartLicensing.Server.Alerts;

/// <summary>
/// One alert: a condition that needs an administrator's attention. An alert is active from
/// <see cref="RaisedAt"/> until the condition ends (<see cref="ClearedAt"/>); while it is active,
/// the same condition does not raise it again.
/// </summary>
public sealed class AlertRecord
{
    public long Id { get; set; }

    /// <summary>What kind of condition; one of <see cref="AlertKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>Identifies the condition within its kind, for example virtual account and entitlement tag.</summary>
    public required string Key { get; set; }

    /// <summary>Virtual account the alert belongs to; null for smart-account alerts.</summary>
    public int? VirtualAccountId { get; set; }

    public AlertSeverity Severity { get; set; }

    public required string Message { get; set; }

    /// <summary>Where the condition is: a virtual account, a product instance or a license.</summary>
    public required string Source { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>When something must be done by: the expiry, the removal, or the raise time for at once.</summary>
    public DateTimeOffset ActionDue { get; set; }

    public DateTimeOffset? ClearedAt { get; set; }
}
