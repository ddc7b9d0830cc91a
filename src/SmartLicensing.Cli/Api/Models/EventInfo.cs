namespace SmartLicensing.Cli.Api.Models;

/// <summary>One entry of the event log; <c>VirtualAccount</c> is null for smart-account events.</summary>
internal sealed record EventInfo(DateTimeOffset Time, string? VirtualAccount, string Actor, string Category, string Message);
