using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.Hosting;

/// <summary>Log events of the server host (event ids 1000-1099).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Database {Database} is ready")]
    public static partial void DatabaseReady(ILogger logger, string database);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Created smart account {AccountName} with virtual account DEFAULT and an admin API key")]
    public static partial void FirstStart(ILogger logger, string accountName);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{AdminEnvPath} had no API key; revoked the old admin key and created a new one")]
    public static partial void AdminKeyReplaced(ILogger logger, string adminEnvPath);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "License server listening on {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database is unavailable ({Reason})")]
    public static partial void StoreUnavailable(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "License server stopping; requests in progress are finished first")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "License server stopped")]
    public static partial void Stopped(ILogger logger);
}
