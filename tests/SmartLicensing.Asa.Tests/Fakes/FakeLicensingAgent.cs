using SmartLicensing.Agent;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Tests.Fakes;

/// <summary>A scripted Smart Agent: records every call and changes its state as the test says.</summary>
internal sealed class FakeLicensingAgent : ILicensingAgent
{
    public event EventHandler<AgentEvent>? EventRaised;

    public AgentState State { get; set; } = new();

    public DateTimeOffset? NextDueTime { get; set; }

    public List<string> Calls { get; } = [];

    public TransportSettings? Transport { get; private set; }

    public IReadOnlyList<EntitlementRequest> Entitlements { get; private set; } = [];

    public bool Disposed { get; private set; }

    /// <summary>Runs on <c>RegisterAsync</c>; by default the registration succeeds.</summary>
    public Func<FakeLicensingAgent, string, bool, AgentResult> OnRegister { get; set; } = RegisterSucceeds;

    public void SetTransport(TransportSettings? settings)
    {
        Calls.Add("SetTransport");
        Transport = settings;
    }

    public void SetRequestedEntitlements(IReadOnlyList<EntitlementRequest> entitlements)
    {
        Calls.Add("SetRequestedEntitlements:" + string.Join(",", entitlements.Select(e => e.Tag)));
        Entitlements = entitlements;
    }

    public Task<AgentResult> RegisterAsync(string token, bool force, CancellationToken cancellationToken)
    {
        Calls.Add($"Register:{token}:{force}");
        return Task.FromResult(OnRegister(this, token, force));
    }

    public Task<AgentResult> RenewAuthorizationAsync(CancellationToken cancellationToken)
    {
        Calls.Add("RenewAuthorization");
        Raise(AgentEventKind.AuthorizationRenewed, "Authorization renewed.");
        return Task.FromResult(AgentResult.Success);
    }

    public Task<AgentResult> RenewIdCertificateAsync(CancellationToken cancellationToken)
    {
        Calls.Add("RenewIdCertificate");
        Raise(AgentEventKind.IdCertificateRenewed, "ID certificate renewed.");
        return Task.FromResult(AgentResult.Success);
    }

    public Task<AgentResult> DeregisterAsync(CancellationToken cancellationToken)
    {
        Calls.Add("Deregister");
        State = new AgentState();
        Raise(AgentEventKind.Deregistered, "Deregistered.");
        return Task.FromResult(AgentResult.Success);
    }

    public Task RunDueWorkAsync(CancellationToken cancellationToken)
    {
        Calls.Add("RunDueWork");
        return Task.CompletedTask;
    }

    public void Dispose() => Disposed = true;

    public void Raise(AgentEventKind kind, string message) =>
        EventRaised?.Invoke(this, new AgentEvent(AgentStates.Registered, kind, message));

    private static AgentResult RegisterSucceeds(FakeLicensingAgent agent, string token, bool force)
    {
        agent.State = AgentStates.RegisteredAuthorized(agent.Entitlements);
        agent.Raise(AgentEventKind.RegistrationSucceeded, "Registered to virtual account DEFAULT.");
        return AgentResult.Success;
    }
}
