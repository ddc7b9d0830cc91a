using SmartLicensing.Server.DeviceEndpoint;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// A device change waiting for the group commit: what to write inside the group's transaction,
/// and the result, set after that transaction has committed. A null result means the rows changed
/// since the request read them, and the request must take the general path.
/// </summary>
internal sealed class PendingWrite(Func<GroupStatements, Task<DeviceResult?>> apply)
{
    public Func<GroupStatements, Task<DeviceResult?>> Apply { get; } = apply;

    public TaskCompletionSource<DeviceResult?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
