using SmartLicensing.Agent;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Show;

/// <summary>Everything the <c>show license</c> renderers print, resolved from the agent state and the catalog.</summary>
/// <param name="Agent">Agent state snapshot.</param>
/// <param name="Udi">Device UDI text.</param>
/// <param name="AgentVersion">Version printed as <c>Smart Agent for Licensing</c>.</param>
/// <param name="Usage">Entitlements in use, empty when none.</param>
internal sealed record LicenseView(AgentState Agent, string Udi, string AgentVersion, IReadOnlyList<LicenseUsage> Usage)
{
    public static LicenseView Create(AgentState agent, string udi, string agentVersion, ProductCatalog catalog)
    {
        // Only a registered device uses licenses; before that an ASAv runs unlicensed.
        IReadOnlyList<LicenseUsage> usage = agent.Registration == RegistrationStatus.Registered
            ? [.. agent.Entitlements.Select(e => Describe(e, agent.Authorization, catalog))]
            : [];
        return new LicenseView(agent, udi, agentVersion, usage);
    }

    private static LicenseUsage Describe(EntitlementState entitlement, AuthorizationStatus overall, ProductCatalog catalog)
    {
        var known = catalog.FindByTag(entitlement.Tag);
        var shortTag = entitlement.ShortTag ?? known?.ShortTag ?? entitlement.Tag;
        var displayName = entitlement.DisplayName ?? known?.DisplayName ?? shortTag;
        var status = overall == AuthorizationStatus.AuthorizationExpired
            ? "AUTHORIZATION EXPIRED"
            : entitlement.Status switch
            {
                EntitlementStatus.Authorized => "AUTHORIZED",
                EntitlementStatus.OutOfCompliance => "OUT OF COMPLIANCE",
                EntitlementStatus.InvalidTag => "INVALID TAG",
                EntitlementStatus.NotAuthorized => "NOT AUTHORIZED",
                _ => "WAITING",
            };
        return new LicenseUsage(displayName, shortTag, entitlement.Count, status);
    }
}

/// <summary>One entitlement in use as the usage sections print it.</summary>
internal sealed record LicenseUsage(string DisplayName, string ShortTag, int Count, string Status);
