using System.Globalization;
using System.Text;
using SmartLicensing.Agent;

namespace SmartLicensing.Asa.Show;

/// <summary>
/// <c>show license status</c>: the Smart Licensing Status blocks of <c>show license all</c>
/// (Registration through Transport) and Reservation Info, without usage, UDI or agent version.
/// </summary>
internal static class LicenseStatusRenderer
{
    public static string Render(LicenseView view)
    {
        var text = new StringBuilder();
        AppendStatusBlocks(text, view.Agent);
        text.Line();
        AppendReservationInfo(text, view);
        return text.ToString();
    }

    /// <summary>Appends the blocks from the Smart Licensing Status banner to the Transport block.</summary>
    public static void AppendStatusBlocks(StringBuilder text, AgentState agent)
    {
        text.Banner("Smart Licensing Status");
        text.Line();
        text.Line("Smart Licensing is ENABLED");
        text.Line();
        AppendRegistration(text, agent);
        text.Line();
        AppendAuthorization(text, agent);
        text.Line();
        text.Line("Export Authorization Key:");
        text.Line("  Features Authorized:");
        text.Line("    <none>");
        text.Line();
        text.Line("Utility:");
        text.Line("  Status: DISABLED");
        text.Line();
        text.Line("Data Privacy:");
        text.Line("  Sending Hostname: yes");
        text.Line("    Callhome hostname privacy: DISABLED");
        text.Line("    Smart Licensing hostname privacy: DISABLED");
        text.Line("  Version privacy: DISABLED");
        text.Line();
        text.Line("Transport:");
        text.Line("  Type: Callhome");
    }

    public static void AppendReservationInfo(StringBuilder text, LicenseView view) => ReservationInfoRenderer.Append(text, view);

    // NOTE: no ASA capture of a failed or expired registration, or of a pending authorization, was
    // available. These words follow the IOS-XE Smart Agent and the Smart Licensing MIB.
    public static string RegistrationWord(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Registered => "REGISTERED",
        RegistrationStatus.Registering => "REGISTERING",
        RegistrationStatus.RegistrationFailed => "UNREGISTERED - REGISTRATION FAILED",
        RegistrationStatus.RegistrationExpired => "REGISTRATION EXPIRED",
        RegistrationStatus.ReservationInProgress => "RESERVATION IN PROGRESS",
        RegistrationStatus.UniversalReservation => "REGISTERED - UNIVERSAL LICENSE RESERVATION",
        _ => "UNREGISTERED",
    };

    public static string AuthorizationWord(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.Waiting => "WAITING",
        AuthorizationStatus.Authorized => "AUTHORIZED",
        AuthorizationStatus.OutOfCompliance => "OUT OF COMPLIANCE",
        AuthorizationStatus.AuthorizationExpired => "AUTHORIZATION EXPIRED",
        AuthorizationStatus.InvalidTag => "INVALID TAG",
        AuthorizationStatus.NotAuthorized => "NOT AUTHORIZED",
        AuthorizationStatus.Reserved => "RESERVED",
        _ => "No Licenses in Use",
    };

    public static string ExportWord(AgentState agent) =>
        (agent.Registration is RegistrationStatus.Registered or RegistrationStatus.UniversalReservation) && agent.ExportControlledAllowed ? "ALLOWED" : "NOT ALLOWED";

    private static void AppendRegistration(StringBuilder text, AgentState agent)
    {
        text.Line("Registration:");
        text.Line("  Status: " + RegistrationWord(agent.Registration));
        if (agent.Registration == RegistrationStatus.Registered)
        {
            text.Line("  Smart Account: " + agent.SmartAccount);
            text.Line("  Virtual Account: " + agent.VirtualAccount);
        }

        text.Line("  Export-Controlled Functionality: " + ExportWord(agent));
        switch (agent.Registration)
        {
            case RegistrationStatus.Registered:
                if (agent.RegisteredAt is { } registeredAt)
                {
                    text.Line("  Initial Registration: SUCCEEDED on " + ShowText.AgentDate(registeredAt));
                }

                AppendAttempt(text, "  Last Renewal Attempt: ", agent.LastIdRenewalAttempt);
                text.Line("  Next Renewal Attempt: " + DateOrNone(agent.NextIdRenewal));
                text.Line("  Registration Expires: " + DateOrNone(agent.RegistrationExpires));
                break;

            case RegistrationStatus.RegistrationFailed when agent.LastRegistrationAttempt is { } attempt:
                AppendAttempt(text, "  Initial Registration: ", attempt);
                if (agent.NextRegistrationAttempt is { } nextAttempt)
                {
                    text.Line("  Next Registration Attempt: " + ShowText.AgentDate(nextAttempt));
                }

                break;

            case RegistrationStatus.RegistrationExpired when agent.RegistrationExpires is { } expired:
                text.Line("  Registration Expired: " + ShowText.AgentDate(expired));
                break;
        }
    }

    private static void AppendAuthorization(StringBuilder text, AgentState agent)
    {
        text.Line("License Authorization:");
        var word = AuthorizationWord(agent.Authorization);
        DateTimeOffset? since = agent.Authorization switch
        {
            AuthorizationStatus.Authorized => agent.AuthorizedAt,
            AuthorizationStatus.AuthorizationExpired => agent.AuthorizationExpires,
            AuthorizationStatus.Reserved => agent.Reservation?.InstalledAt,
            AuthorizationStatus.None or AuthorizationStatus.Waiting => null,

            // The state began with the last answer the server gave, not with a later failed attempt.
            _ => agent.AuthorizedAt ?? agent.LastAuthorizationAttempt?.Time,
        };
        text.Line(since is { } time ? $"  Status: {word} on {ShowText.AgentDate(time)}" : "  Status: " + word);

        if (agent.LastAuthorizationAttempt is null && agent.NextAuthorizationAttempt is null)
        {
            return;
        }

        AppendAttempt(text, "  Last Communication Attempt: ", agent.LastAuthorizationAttempt);
        text.Line("  Next Communication Attempt: " + DateOrNone(agent.NextAuthorizationAttempt));
        text.Line("  Communication Deadline: " + DateOrNone(agent.AuthorizationExpires));
    }

    private static void AppendAttempt(StringBuilder text, string label, AttemptRecord? attempt)
    {
        if (attempt is null)
        {
            text.Line(label + "None");
            return;
        }

        var outcome = attempt.Succeeded ? "SUCCEEDED" : "FAILED";
        text.Line(string.Create(CultureInfo.InvariantCulture, $"{label}{outcome} on {ShowText.AgentDate(attempt.Time)}"));
        if (!attempt.Succeeded)
        {
            text.Line("    Failure reason: " + (attempt.FailureMessage ?? attempt.FailureCode ?? "unknown"));
        }
    }

    private static string DateOrNone(DateTimeOffset? time) => time is { } value ? ShowText.AgentDate(value) : "None";
}
