using System.Globalization;
using SmartLicensing.Agent;
using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Licensing;

/// <summary>What the configuration asks of the Smart Agent: entitlements and where to send messages.</summary>
internal static class LicenseRequest
{
    /// <summary>
    /// Returns the Standard entitlement of the configured throughput level. An ASAv requests
    /// nothing until both <c>feature tier standard</c> and <c>throughput level</c> are set.
    /// </summary>
    public static IReadOnlyList<EntitlementRequest> Entitlements(RunningConfig config, ProductCatalog catalog)
    {
        var entitlement = ActiveEntitlement(config, catalog);
        return entitlement is null ? [] : [new EntitlementRequest(entitlement.Tag, 1)];
    }

    /// <summary>
    /// Returns what the platform requests: on the ASAv the Standard entitlement of the throughput
    /// level; on Firepower the Standard entitlement, then Carrier, Context and Strong Encryption
    /// as configured. Firepower requests nothing without <c>feature tier standard</c>.
    /// </summary>
    public static IReadOnlyList<EntitlementRequest> Entitlements(RunningConfig config, AsaPlatform platform, ProductCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (platform.Firepower is not { } firepower)
        {
            return Entitlements(config, catalog);
        }

        if (config.LicenseSmart is not { FeatureTierStandard: true } license)
        {
            return [];
        }

        var entitlements = firepower.Platform.Entitlements;
        var requests = new List<EntitlementRequest>();
        Add(entitlements.Standard, 1);
        Add(license.Carrier ? entitlements.Carrier : null, 1);
        Add(entitlements.Context, license.Contexts ?? 0);
        Add(license.StrongEncryption ? entitlements.StrongEncryption : null, 1);
        return requests;

        void Add(Entitlement? entitlement, int count)
        {
            if (entitlement is not null && count > 0)
            {
                requests.Add(new EntitlementRequest(entitlement.Tag, count));
            }
        }
    }

    public static Entitlement? ActiveEntitlement(RunningConfig config, ProductCatalog catalog)
    {
        if (config.LicenseSmart is not { FeatureTierStandard: true, ThroughputLevel: { } level })
        {
            return null;
        }

        return catalog.FindAsavModelByThroughput(level)?.Standard;
    }

    public static TransportSettings Transport(CallHomeConfig callHome)
    {
        var server = new Uri(callHome.LicenseDestination, UriKind.Absolute);
        Uri? proxy = null;
        if (callHome.ProxyAddress is { } address && callHome.ProxyPort is { } port)
        {
            var host = address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;
            proxy = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}"), UriKind.Absolute);
        }

        return new TransportSettings(server, proxy);
    }
}
