using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.Leases;

/// <summary>Log events of the background-jobs lease (event ids 1100-1199).</summary>
internal static partial class LeaseLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "This node ({Holder}) took lease {Lease}; it runs the background jobs")]
    public static partial void Taken(ILogger logger, string holder, string lease);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "This node ({Holder}) lost lease {Lease}; another node runs the background jobs")]
    public static partial void Lost(ILogger logger, string holder, string lease);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Could not take or renew lease {Lease}: the database is unavailable ({Reason})")]
    public static partial void StoreUnavailable(ILogger logger, string lease, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Background job {Job} failed")]
    public static partial void JobFailed(ILogger logger, string job, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Error, Message = "Could not take, renew or give up lease {Lease}")]
    public static partial void LeaseFailed(ILogger logger, string lease, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "Heartbeat {Runs}")]
    public static partial void Heartbeat(ILogger logger, int runs);
}
