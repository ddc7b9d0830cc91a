using SmartLicensing.Agent;

namespace SmartLicensing.Asa.Licensing;

/// <summary>
/// Turns agent events into ASA syslog lines of the form
/// <c>%ASA-&lt;severity&gt;-&lt;id&gt;: %SMART_LIC-&lt;severity&gt;-&lt;MNEMONIC&gt;: &lt;text&gt;</c>.
/// </summary>
/// <remarks>
/// ASA 9.x reports Smart Agent errors as message 444303 at severity 3. The ids for the other
/// severities (444304 warning, 444305 notification, 444306 informational) are our choice: they
/// follow the same numbering and are not taken from a Cisco message list.
/// </remarks>
internal static class SyslogMessages
{
    public static string Format(AgentEvent agentEvent)
    {
        var (severity, mnemonic, lead) = Describe(agentEvent.Kind);
        var id = 444300 + severity;
        // The agent's message is a whole sentence with the reason, so the fixed text is used only when it is empty.
        var text = string.IsNullOrWhiteSpace(agentEvent.Message) ? lead : agentEvent.Message.Trim();
        return $"%ASA-{severity}-{id}: %SMART_LIC-{severity}-{mnemonic}: {text}";
    }

    private static (int Severity, string Mnemonic, string Lead) Describe(AgentEventKind kind) => kind switch
    {
        AgentEventKind.RegistrationSucceeded => (6, "AGENT_REG_SUCCESS", "The Smart Agent for Licensing registered with the license server"),
        AgentEventKind.RegistrationFailed => (3, "AGENT_REG_FAILED", "The Smart Agent for Licensing failed to register with the license server"),
        AgentEventKind.AuthorizationRenewed => (6, "AUTH_RENEW_SUCCESS", "The license authorization was renewed"),
        AgentEventKind.AuthorizationRenewFailed => (3, "AUTH_RENEW_FAILED", "The license authorization renewal failed"),
        AgentEventKind.IdCertificateRenewed => (6, "ID_CERT_RENEW_SUCCESS", "The ID certificate was renewed"),
        AgentEventKind.IdCertificateRenewFailed => (3, "ID_CERT_RENEW_FAILED", "The ID certificate renewal failed"),
        AgentEventKind.Deregistered => (6, "AGENT_DEREG_SUCCESS", "The Smart Agent for Licensing deregistered from the license server"),
        AgentEventKind.DeregistrationFailed => (3, "AGENT_DEREG_FAILED", "The Smart Agent for Licensing failed to deregister from the license server"),
        AgentEventKind.OutOfCompliance => (3, "OUT_OF_COMPLIANCE", "One or more entitlements are out of compliance"),
        AgentEventKind.AuthorizationExpired => (3, "AUTH_EXPIRED", "The license authorization has expired"),
        AgentEventKind.RegistrationExpired => (3, "ID_CERT_EXPIRED", "The ID certificate has expired and the device is no longer registered"),
        AgentEventKind.CommunicationFailed => (3, "COMM_FAILED", "Communication with the license server failed"),
        AgentEventKind.RegistrationRemoved => (3, "REG_REMOVED", "The license server no longer has this product instance registered, so the device is unregistered"),
        AgentEventKind.ReservationInstalled => (6, "RESERVED_INSTALLED", "A permanent license reservation was installed"),
        AgentEventKind.ReservationReturned => (6, "RESERVATION_RETURNED", "The permanent license reservation was returned"),
        AgentEventKind.ExportControlledAllowed => (6, "EXPORT_CONTROLLED", "Export-controlled functionality is allowed"),
        _ => (5, "AGENT_EVENT", kind.ToString()),
    };
}
