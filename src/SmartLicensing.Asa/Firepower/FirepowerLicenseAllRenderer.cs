using System.Globalization;
using System.Text;
using SmartLicensing.Agent;
using SmartLicensing.Asa.Show;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Firepower;

/// <summary>One feature the ASA application requests, with the name <c>show license all</c> heads its block with.</summary>
/// <param name="Name">Friendly name, for example <c>Strong encryption</c>.</param>
/// <param name="Entitlement">Entitlement requested.</param>
/// <param name="Count">Count requested.</param>
internal sealed record FirepowerRequest(string Name, Entitlement Entitlement, int Count);

/// <summary>
/// <c>show license all</c> of the ASA application on a Firepower chassis: compliance, overall
/// status, one block per requested entitlement, then the serial number and the feature tables.
/// </summary>
internal static class FirepowerLicenseAllRenderer
{
    public static string Render(AgentState agent, IReadOnlyList<FirepowerRequest> requests, string serialNumber, string featuresText)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(featuresText);

        var registered = agent.Registration == RegistrationStatus.Registered;
        var text = new StringBuilder();
        text.Line("Smart licensing enabled: Yes");
        text.Line();
        text.Line("Compliance status: " + (!registered || agent.Authorization is AuthorizationStatus.Authorized or AuthorizationStatus.None or AuthorizationStatus.Waiting
            ? "In compliance"
            : "Out of compliance"));
        text.Line();
        text.Line("Overall licensed status: " + OverallStatus(agent));
        text.Line();
        text.Line("Entitlement(s):");
        text.Line();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var state = agent.Entitlements.FirstOrDefault(e => e.Tag == request.Entitlement.Tag);
            text.Line(request.Name + ":");
            text.Line("  Tag: " + request.Entitlement.Tag);
            text.Line("  Version: 1.0");
            text.Line("  Enforcement mode: " + EnforcementMode(registered, state?.Status));
            text.Line(string.Create(CultureInfo.InvariantCulture, $"  Handle: {i + 1}"));
            if (agent.LastAuthorizationAttempt is { } attempt)
            {
                text.Line("  Requested time: " + attempt.Time.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
            }

            text.Line(string.Create(CultureInfo.InvariantCulture, $"  Requested count: {request.Count}"));
            text.Line("  Request status: " + (state?.Status is null ? "In progress" : "Complete"));
            text.Line();
        }

        text.Line("Serial Number: " + serialNumber);
        text.Line();
        text.Append(featuresText);
        return text.ToString();
    }

    // NOTE: only "Authorized (3)" is known from a device capture; the other codes are our own.
    private static string OverallStatus(AgentState agent)
    {
        if (agent.Registration != RegistrationStatus.Registered)
        {
            return "Evaluation (1)";
        }

        return agent.Authorization switch
        {
            AuthorizationStatus.Authorized => "Authorized (3)",
            AuthorizationStatus.OutOfCompliance => "Out of compliance (4)",
            AuthorizationStatus.AuthorizationExpired => "Authorization expired (5)",
            AuthorizationStatus.InvalidTag or AuthorizationStatus.NotAuthorized => "Not authorized (6)",
            _ => "Waiting (2)",
        };
    }

    private static string EnforcementMode(bool registered, EntitlementStatus? status) => status switch
    {
        _ when !registered => "Eval period",
        EntitlementStatus.Authorized => "Authorized",
        EntitlementStatus.OutOfCompliance => "Out of compliance",
        EntitlementStatus.InvalidTag => "Invalid tag",
        null => "Waiting",
        _ => "Not authorized",
    };
}
