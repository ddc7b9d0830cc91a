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

    // Permanent license reservation. The defaults let a scripted test agent leave it out.
    ReservationResult RequestReservation(string entitlementTag) => ReservationUnsupported;

    ReservationResult CancelReservationRequest() => ReservationUnsupported;

    ReservationResult InstallReservation(string authorizationCode) => ReservationUnsupported;

    ReservationResult ReturnReservation() => ReservationUnsupported;

    bool ForgetReturnedReservation() => false;

    private static ReservationResult ReservationUnsupported => new(false, null, "reservation-unsupported", "This agent does not support permanent license reservation.");
}

/// <summary>Creates the agent of one boot; called again at every reload.</summary>
internal delegate ILicensingAgent LicensingAgentFactory(SmartAgentOptions options);
