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
    /// <summary>The configuration has <c>license smart reservation</c>; the Reservation Info block then shows the reservation.</summary>
    public bool ReservationMode { get; init; }

    /// <param name="agent">Agent state snapshot.</param>
    /// <param name="udi">Device UDI text.</param>
    /// <param name="agentVersion">Version printed as <c>Smart Agent for Licensing</c>.</param>
    /// <param name="catalog">Catalog for names and short tags.</param>
    /// <param name="reservationMode">
    /// Whether the configuration is in reservation mode. Outside it, a reservation the agent still
    /// holds (after <c>write erase</c>) is not in use, so the device shows as unregistered.
    /// </param>
    public static LicenseView Create(AgentState agent, string udi, string agentVersion, ProductCatalog catalog, bool reservationMode = false)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!reservationMode && agent.Registration is RegistrationStatus.ReservationInProgress or RegistrationStatus.UniversalReservation)
        {
            agent = agent with { Registration = RegistrationStatus.Unregistered, Authorization = AuthorizationStatus.None, ExportAuthorized = false, ExportControlledAllowed = false };
        }

        // Only a registered device uses licenses; before that an ASAv runs unlicensed.
        IReadOnlyList<LicenseUsage> usage = agent.Registration switch
        {
            RegistrationStatus.Registered => [.. agent.Entitlements.Select(e => Describe(e, agent.Authorization, catalog))],
            RegistrationStatus.UniversalReservation when agent.Reservation is { } reservation => [DescribeReservation(reservation, catalog)],
            _ => [],
        };
        return new LicenseView(agent, udi, agentVersion, usage) { ReservationMode = reservationMode };
    }

    private static LicenseUsage DescribeReservation(ReservationState reservation, ProductCatalog catalog)
    {
        var known = catalog.FindByTag(reservation.EntitlementTag);
        return new LicenseUsage(known?.DisplayName ?? reservation.EntitlementTag, known?.ShortTag ?? reservation.EntitlementTag, 1, "RESERVED");
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
