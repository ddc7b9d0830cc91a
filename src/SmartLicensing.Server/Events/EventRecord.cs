namespace SmartLicensing.Server.Events;

/// <summary>One entry of the event log: every change to accounts, licenses, tokens and devices.</summary>
public sealed class EventRecord
{
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary>Virtual account the event belongs to; null for smart-account events.</summary>
    public int? VirtualAccountId { get; set; }

    /// <summary>Who made the change: an API key name, a device UDI, or <c>system</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>Area: account, license, token, device.</summary>
    public required string Category { get; set; }

    public required string Message { get; set; }
}
