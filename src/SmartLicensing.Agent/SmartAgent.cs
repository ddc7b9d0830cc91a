using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Agent;

/// <summary>
/// The device side of Smart Licensing: registers with a token, keeps an ID certificate and an
/// authorization, renews both on schedule and persists its state. It knows nothing of any
/// product; the product tells it which entitlements it uses.
/// </summary>
public sealed class SmartAgent : IDisposable
{
    public SmartAgent(SmartAgentOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        throw new NotImplementedException();
    }

    /// <summary>The current state snapshot.</summary>
    public AgentState State => throw new NotImplementedException();

    /// <summary>Raised after every state change, with the new snapshot.</summary>
    public event EventHandler<AgentEvent>? EventRaised;

    /// <summary>Sets where messages go; takes effect at the next exchange.</summary>
    public void SetTransport(TransportSettings? settings) => throw new NotImplementedException();

    /// <summary>
    /// Sets the entitlements the device uses. When registered and the set changed, an
    /// authorization request becomes due at once.
    /// </summary>
    public void SetRequestedEntitlements(IReadOnlyList<EntitlementRequest> entitlements) => throw new NotImplementedException();

    /// <summary>Registers with a token, then requests authorization for the requested entitlements.</summary>
    public Task<AgentResult> RegisterAsync(string token, bool force, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<AgentResult> RenewAuthorizationAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<AgentResult> RenewIdCertificateAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Deregisters; the local registration is removed even when the server cannot be reached.</summary>
    public Task<AgentResult> DeregisterAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Time the next scheduled exchange is due, or null when nothing is scheduled.</summary>
    public DateTimeOffset? NextDueTime => throw new NotImplementedException();

    /// <summary>Runs every scheduled exchange that is due now (renewals, retries, expiry checks).</summary>
    public Task RunDueWorkAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
