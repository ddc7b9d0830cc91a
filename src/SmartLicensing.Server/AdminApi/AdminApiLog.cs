using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.AdminApi;

/// <summary>Log events of the Admin API (event ids 2000-2099).</summary>
internal static partial class AdminApiLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Rejected an invalid Admin API key from {Client}")]
    public static partial void ApiKeyRejected(ILogger logger, string client);
}
