using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.Clock;

/// <summary>Log events of the lab clock (event ids 1200-1209).</summary>
internal static partial class ClockLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Lab clock on: the server time is {Now:u}, {Offset} ahead of the system clock")]
    public static partial void Enabled(ILogger logger, DateTimeOffset now, TimeSpan offset);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Lab clock moved from {Before:u} to {After:u}")]
    public static partial void Moved(ILogger logger, DateTimeOffset before, DateTimeOffset after);
}
