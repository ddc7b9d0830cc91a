using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.Reservations;

/// <summary>Log events of permanent license reservation (event ids 2400-2449).</summary>
internal static partial class ReservationLog
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Reserved {ShortTag} for {Udi} in virtual account {VirtualAccount}")]
    public static partial void Reserved(ILogger logger, string udi, string shortTag, string virtualAccount);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Returned the reserved {ShortTag} of {Udi} to virtual account {VirtualAccount}")]
    public static partial void Returned(ILogger logger, string udi, string shortTag, string virtualAccount);
}
