using SmartLicensing.Agent;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Licensing;

/// <summary>
/// The Smart Agent as the ASA uses it: the members of <see cref="SmartAgent"/>, behind an
/// interface so that tests can drive the CLI with a scripted agent.
/// </summary>
internal interface ILicensingAgent : IDisposable
{
    AgentState State { get; }

    DateTimeOffset? NextDueTime { get; }

    event EventHandler<AgentEvent>? EventRaised;

    void SetTransport(TransportSettings? settings);

    void SetRequestedEntitlements(IReadOnlyList<EntitlementRequest> entitlements);

    Task<AgentResult> RegisterAsync(string token, bool force, CancellationToken cancellationToken);

    Task<AgentResult> RenewAuthorizationAsync(CancellationToken cancellationToken);

    Task<AgentResult> RenewIdCertificateAsync(CancellationToken cancellationToken);

    Task<AgentResult> DeregisterAsync(CancellationToken cancellationToken);

    Task RunDueWorkAsync(CancellationToken cancellationToken);
}

/// <summary>Creates the agent of one boot; called again at every reload.</summary>
internal delegate ILicensingAgent LicensingAgentFactory(SmartAgentOptions options);
