using System.Globalization;
using System.Text;
using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Licensing;

namespace SmartLicensing.Asa.Show;

/// <summary>
/// <c>show license features</c>, also the license part of <c>show version</c>: license mode,
/// platform state, active entitlement, warnings, throughput limit and the licensed feature table.
/// </summary>
internal static class LicenseFeaturesRenderer
{
    private const int LabelWidth = 34;

    /// <summary>AnyConnect Premium peers and TLS proxy sessions of an unlicensed ASAv.</summary>
    private const int UnlicensedSessions = 2;

    public static string Render(PlatformLicense license, LicenseSmartConfig? configured)
    {
        var text = new StringBuilder();
        text.Line("License mode: Smart Licensing");
        text.Line("ASAv Platform License State: " + (license.Licensed ? "Licensed" : "Unlicensed"));
        text.Line(license.ActiveEntitlement is { } tag
            ? $"Active entitlement: {tag}, enforce mode: {license.EnforceMode}"
            : "No active entitlement: " + MissingEntitlementReason(configured));
        if (license.MemoryOverLimit)
        {
            text.Line("*Memory resource allocation is more than the permitted limit.");
        }

        text.Line("Firewall throughput limited to " + license.ThroughputLimit);
        text.Line();
        text.Line("Licensed features for this platform:");
        foreach (var (label, value) in Features(license))
        {
            text.Line(label.PadRight(LabelWidth) + ": " + value);
        }

        return text.ToString();
    }

    private static string MissingEntitlementReason(LicenseSmartConfig? configured) =>
        (configured?.FeatureTierStandard ?? false, configured?.ThroughputLevel is not null) switch
        {
            (true, false) => "no throughput level configured",
            (false, true) => "no feature tier configured",
            _ => "no feature tier and no throughput level configured",
        };

    // NOTE: the unlicensed values follow an ASAv 9.8 capture. The licensed AnyConnect rows are an
    // estimate, because no capture of a licensed Standard-tier ASAv was available.
    private static IEnumerable<(string Label, string Value)> Features(PlatformLicense license)
    {
        var model = license.LimitsModel;
        var licensed = license.Licensed;
        yield return ("Maximum VLANs", Number(model.Vlans));
        yield return ("Inside Hosts", "Unlimited");
        yield return ("Failover", "Active/Standby");
        yield return ("Encryption-DES", "Enabled");
        yield return ("Encryption-3DES-AES", license.StrongEncryption ? "Enabled" : "Disabled");
        yield return ("Security Contexts", "0");
        yield return ("Carrier", "Disabled");
        yield return ("AnyConnect Premium Peers", Number(licensed ? model.AnyConnectPeers : UnlicensedSessions));
        yield return ("AnyConnect Essentials", "Disabled");
        yield return ("Other VPN Peers", Number(model.OtherVpnPeers));
        yield return ("Total VPN Peers", Number(model.TotalVpnPeers));
        yield return ("AnyConnect for Mobile", licensed ? "Enabled" : "Disabled");
        yield return ("AnyConnect for Cisco VPN Phone", licensed ? "Enabled" : "Disabled");
        yield return ("Advanced Endpoint Assessment", licensed ? "Enabled" : "Disabled");
        yield return ("Shared License", "Disabled");
        yield return ("Total TLS Proxy Sessions", Number(licensed ? model.TlsProxySessions : UnlicensedSessions));
        yield return ("Botnet Traffic Filter", "Enabled");
        yield return ("Cluster", "Disabled");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
