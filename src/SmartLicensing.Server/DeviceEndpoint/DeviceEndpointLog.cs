using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.DeviceEndpoint;

/// <summary>Log events of the device endpoint (ids 3000-3099). UDIs and codes only, never tokens or keys.</summary>
internal static partial class DeviceEndpointLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Rejected {MessageType} message from {Udi}: {Code}: {Reason}")]
    public static partial void Rejected(ILogger logger, string messageType, string udi, string code, string reason);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Registered product instance {Udi} in virtual account {VirtualAccountId}, ID certificate {Serial}")]
    public static partial void Registered(ILogger logger, string udi, int virtualAccountId, string serial);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Registered product instance {Udi} again in virtual account {VirtualAccountId}, ID certificate {Serial}")]
    public static partial void Reregistered(ILogger logger, string udi, int virtualAccountId, string serial);

    // Renewals arrive at fleet rates and each is in the event log already; a line each would flood the console.
    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Authorized product instance {Udi}: {Summary}")]
    public static partial void Authorized(ILogger logger, string udi, string summary);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Renewed the ID certificate of product instance {Udi}: serial {Serial}")]
    public static partial void IdCertificateRenewed(ILogger logger, string udi, string serial);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Deregistered product instance {Udi}")]
    public static partial void Deregistered(ILogger logger, string udi);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "A device message failed unexpectedly; the device received server-unavailable")]
    public static partial void UnexpectedFailure(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "Could not write the event log entry for a rejected device message from {Udi}")]
    public static partial void RejectionEventNotSaved(ILogger logger, string udi, Exception exception);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "A concurrent change touched the same rows; retrying the device message (attempt {Attempt})")]
    public static partial void RetryingAfterConflict(ILogger logger, int attempt);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "The nonce cache is full ({Count} entries); refusing device messages until nonces expire")]
    public static partial void NonceCacheFull(ILogger logger, int count);
}
