namespace SmartLicensing.Server.Events;

/// <summary>An event log entry as the Admin API returns it.</summary>
/// <remarks><c>VirtualAccount</c>: Name of the virtual account; null for smart-account events and for deleted virtual accounts.</remarks>
public sealed record EventView(DateTimeOffset Time, string? VirtualAccount, string Actor, string Category, string Message);
