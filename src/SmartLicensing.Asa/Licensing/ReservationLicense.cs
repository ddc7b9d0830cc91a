using SmartLicensing.Agent;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Licensing;

/// <summary>
/// The ASAv in permanent license reservation mode. An installed reservation for the model's
/// universal entitlement licenses everything for the model: Standard, its maximum throughput,
/// Carrier, AnyConnect to the model limit, and Strong Encryption when the authorization code
/// says the account qualifies. A reservation made for another model licenses nothing.
/// </summary>
internal static class ReservationLicense
{
    /// <summary>The universal reservation entitlement of the model, or null when the model has none (ASAv100).</summary>
    public static Entitlement? UniversalEntitlement(AsaPlatform platform) => platform.Model.Reservation;

    /// <summary>The installed reservation when it is for this model's universal entitlement; otherwise null.</summary>
    public static ReservationState? InstalledFor(AsaPlatform platform, AgentState agent)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(agent);
        return agent.Reservation is { Stage: ReservationStage.Installed } installed
            && UniversalEntitlement(platform) is { } universal
            && installed.EntitlementTag == universal.Tag
                ? installed
                : null;
    }

    public static PlatformLicense Evaluate(AsaPlatform platform, AgentState agent, ProductCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(catalog);

        var model = platform.Model;
        var installed = InstalledFor(platform, agent);
        var licensed = installed is not null;
        var enforceMode = licensed
            ? "Authorized"
            : agent.Reservation is { Stage: ReservationStage.Requested } ? "Reservation in progress" : "Not authorized";
        return new PlatformLicense(
            licensed,
            UniversalEntitlement(platform)?.ShortTag,
            enforceMode,
            licensed ? model.ThroughputText : PlatformLicense.UnlicensedThroughput,
            false,
            model,
            installed?.ExportAllowed ?? false)
        {
            Reservation = true,
            Carrier = licensed,
            ExportClass = licensed ? ExportClass.K9 : ExportClass.K8,
            K8Caps = catalog.K8Limits,
        };
    }
}
