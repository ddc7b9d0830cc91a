using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.Compliance;

/// <summary>Log events of the compliance checks (event ids 1210-1229).</summary>
internal static partial class ComplianceLog
{
    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Term license {Pid} x{Quantity} (purchase {PurchaseId}) expired at {ExpiresAt:u}; purchased counts lowered")]
    public static partial void LicenseExpired(ILogger logger, string pid, int quantity, long purchaseId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Warning, Message = "Product instance {Udi} removed: no contact since {LastContact:u}")]
    public static partial void QuietInstanceRemoved(ILogger logger, string udi, DateTimeOffset lastContact);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Debug, Message = "Compliance checks done: {Expired} license line(s) expired, {Removed} product instance(s) removed, {Active} alert condition(s)")]
    public static partial void Done(ILogger logger, int expired, int removed, int active);
}
