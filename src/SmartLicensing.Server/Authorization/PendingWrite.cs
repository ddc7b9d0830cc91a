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
    (Guid Id, string Serial, DateTimeOffset Now)? Touch,
    NewRegistration? Registration)
{
    /// <summary>
    /// The result, set after the commit. The thread that sets it runs the request's continuation
    /// (signing and sending the response), and <see cref="GroupCommitter"/> chooses that thread.
    /// </summary>
    public TaskCompletionSource<DeviceResult?> Completion { get; } = new();
}
