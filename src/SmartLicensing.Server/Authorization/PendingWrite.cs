using SmartLicensing.Server.DeviceEndpoint;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// A device change waiting for the group commit: what to write inside the group's transaction,
/// and the result, set after that transaction has committed. A null result means the rows changed
/// since the request read them, and the request must take the general path.
/// </summary>
/// <param name="Apply">Runs on the writer inside the group's transaction.</param>
/// <param name="Touch">The instance the change starts by stamping, if any, so the writer can send its statements with the group's others.</param>
/// <param name="Registration">The new instance the change stores, if any, for the same reason.</param>
internal sealed record PendingWrite(
    Func<GroupStatements, DeviceResult?> Apply,
    TouchRequest? Touch,
    NewRegistration? Registration)
{
    /// <summary>
    /// The result, set after the commit. The thread that sets it runs the request's continuation
    /// (signing and sending its response), and <see cref="GroupCommitter"/> chooses that thread.
    /// </summary>
    public TaskCompletionSource<DeviceResult?> Completion { get; } = new();
}

/// <summary>An instance a change starts by stamping, if the instance still has the certificate.</summary>
/// <param name="Id">The instance.</param>
/// <param name="Serial">The serial of the certificate the request was signed under.</param>
/// <param name="Now">The time to stamp.</param>
/// <param name="Holdings">
/// What the instance must already use for the change to be a renewal that writes nothing else, as
/// <see cref="GroupStatements.HoldingsKey"/> writes it; null when the request cannot be one.
/// </param>
/// <param name="NeedsExportPermission">Whether the request names an entitlement that only an instance with export permission may hold.</param>
internal readonly record struct TouchRequest(Guid Id, string Serial, DateTimeOffset Now, string? Holdings = null, bool NeedsExportPermission = false);
