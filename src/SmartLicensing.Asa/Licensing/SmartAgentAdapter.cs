using SmartLicensing.Agent;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Licensing;

/// <summary>Forwards <see cref="ILicensingAgent"/> to a real <see cref="SmartAgent"/>.</summary>
internal sealed class SmartAgentAdapter : ILicensingAgent
{
    private readonly SmartAgent _agent;

    public SmartAgentAdapter(SmartAgent agent)
    {
        _agent = agent;
        _agent.EventRaised += OnEventRaised;
    }

    public event EventHandler<AgentEvent>? EventRaised;

    public AgentState State => _agent.State;

    public DateTimeOffset? NextDueTime => _agent.NextDueTime;

    public void SetTransport(TransportSettings? settings) => _agent.SetTransport(settings);

    public void SetRequestedEntitlements(IReadOnlyList<EntitlementRequest> entitlements) =>
        _agent.SetRequestedEntitlements(entitlements);

    public Task<AgentResult> RegisterAsync(string token, bool force, CancellationToken cancellationToken) =>
        _agent.RegisterAsync(token, force, cancellationToken);

    public Task<AgentResult> RenewAuthorizationAsync(CancellationToken cancellationToken) =>
        _agent.RenewAuthorizationAsync(cancellationToken);

    public Task<AgentResult> RenewIdCertificateAsync(CancellationToken cancellationToken) =>
        _agent.RenewIdCertificateAsync(cancellationToken);

    public Task<AgentResult> DeregisterAsync(CancellationToken cancellationToken) =>
        _agent.DeregisterAsync(cancellationToken);

    public Task RunDueWorkAsync(CancellationToken cancellationToken) => _agent.RunDueWorkAsync(cancellationToken);

    public ReservationResult RequestReservation(string entitlementTag) => _agent.RequestReservation(entitlementTag);

    public ReservationResult CancelReservationRequest() => _agent.CancelReservationRequest();

    public ReservationResult InstallReservation(string authorizationCode) => _agent.InstallReservation(authorizationCode);

    public ReservationResult ReturnReservation() => _agent.ReturnReservation();

    public bool ForgetReturnedReservation() => _agent.ForgetReturnedReservation();

    public void Dispose()
    {
        _agent.EventRaised -= OnEventRaised;
        _agent.Dispose();
    }

    private void OnEventRaised(object? sender, AgentEvent agentEvent) => EventRaised?.Invoke(this, agentEvent);
}
