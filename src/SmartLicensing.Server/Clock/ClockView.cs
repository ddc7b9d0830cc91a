namespace SmartLicensing.Server.Clock;

/// <summary>The server's time and how far the lab clock is ahead of the system clock.</summary>
/// <remarks><c>Previous</c>: Time before a move; null when showing the clock.</remarks>
public sealed record ClockView(DateTimeOffset Now, long OffsetSeconds, string Offset, DateTimeOffset? Previous);

/// <summary>Body of <c>POST /api/v1/clock/set</c>.</summary>
/// <remarks><c>Time</c>: ISO 8601 time, or yyyy-MM-dd[THH:mm[:ss]] in UTC.</remarks>
public sealed record ClockSetRequest(string? Time);

/// <summary>Body of <c>POST /api/v1/clock/advance</c>.</summary>
/// <remarks><c>Duration</c>: For example 91d, 12h, 1d12h, 90s or P91D.</remarks>
public sealed record ClockAdvanceRequest(string? Duration);
