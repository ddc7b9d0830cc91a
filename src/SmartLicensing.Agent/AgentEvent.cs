namespace SmartLicensing.Agent;

/// <summary>Something the agent did that a device reports (as a syslog line on an ASA).</summary>
/// <param name="Time">When it happened, by the agent's clock.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Message">Text for people, with the failure reason where there is one.</param>
public sealed record AgentEvent(DateTimeOffset Time, AgentEventKind Kind, string Message);

/// <summary>Agent events; failures are errors, the rest informational.</summary>
public enum AgentEventKind
{
    RegistrationSucceeded,
    RegistrationFailed,
    AuthorizationRenewed,
    AuthorizationRenewFailed,
    IdCertificateRenewed,
    IdCertificateRenewFailed,
    Deregistered,
    DeregistrationFailed,
    OutOfCompliance,
    AuthorizationExpired,
    RegistrationExpired,
    CommunicationFailed,
    ExportControlledAllowed,
}
