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

    public static string Render(PlatformLicense license, LicenseSmartConfig? configured)
    {
        var text = new StringBuilder();
        text.Line("License mode: Smart Licensing");
        if (license.Reservation)
        {
            text.Line("License reservation: ENABLED");
        }

        if (license.Firepower)
        {
            // The ASA on a Firepower chassis has no platform state or throughput lines; a second
            // table shows what a failover pair or cluster gets together.
            text.Line();
            AppendTable(text, "Licensed features for this platform:", FirepowerFeatures(license, license.SecurityContexts));
            text.Line();
            AppendTable(text, "Failover cluster licensed features for this platform:", FirepowerFeatures(license, license.FailoverSecurityContexts));
            return text.ToString();
        }

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
        AppendTable(text, "Licensed features for this platform:", AsavFeatures(license));
        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, string title, IEnumerable<(string Label, string Value)> rows)
    {
        text.Line(title);
        foreach (var (label, value) in rows)
        {
            text.Line(label.PadRight(LabelWidth) + ": " + value);
        }
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
    private static IEnumerable<(string Label, string Value)> AsavFeatures(PlatformLicense license)
    {
        var model = license.LimitsModel;
        var licensed = license.Licensed;
        yield return ("Maximum VLANs", Number(model.Vlans));
        yield return ("Inside Hosts", "Unlimited");
        yield return ("Failover", "Active/Standby");
        yield return ("Encryption-DES", "Enabled");
        yield return ("Encryption-3DES-AES", Enabled(license.StrongEncryption));
        yield return ("Security Contexts", "0");
        yield return ("Carrier", Enabled(license.Carrier));
        yield return ("AnyConnect Premium Peers", Number(license.AnyConnectPeers));
        yield return ("AnyConnect Essentials", "Disabled");
        yield return ("Other VPN Peers", Number(model.OtherVpnPeers));
        yield return ("Total VPN Peers", Number(model.TotalVpnPeers));
        yield return ("AnyConnect for Mobile", Enabled(licensed));
        yield return ("AnyConnect for Cisco VPN Phone", Enabled(licensed));
        yield return ("Advanced Endpoint Assessment", Enabled(licensed));
        yield return ("Shared License", "Disabled");
        yield return ("Total TLS Proxy Sessions", Number(license.TlsProxySessions));
        yield return ("Botnet Traffic Filter", "Enabled");
        yield return ("Cluster", "Disabled");
    }

    // NOTE: the row set follows a capture of the ASA on a Firepower 9300 module; the values come
    // from the per-model table. AnyConnect rows show the model limit, because Smart Licensing
    // needs no AnyConnect license on the device.
    private static IEnumerable<(string Label, string Value)> FirepowerFeatures(PlatformLicense license, int contexts)
    {
        var model = license.LimitsModel;
        yield return ("Maximum Physical Interfaces", "Unlimited");
        yield return ("Maximum VLANs", Number(model.Vlans));
        yield return ("Inside Hosts", "Unlimited");
        yield return ("Failover", "Active/Active");
        yield return ("Encryption-DES", "Enabled");
        yield return ("Encryption-3DES-AES", Enabled(license.StrongEncryption));
        yield return ("Security Contexts", Number(contexts));
        yield return ("Carrier", Enabled(license.Carrier));
        yield return ("AnyConnect Premium Peers", Number(model.AnyConnectPeers));
        yield return ("AnyConnect Essentials", "Disabled");
        yield return ("Other VPN Peers", Number(model.OtherVpnPeers));
        yield return ("Total VPN Peers", Number(model.TotalVpnPeers));
        yield return ("AnyConnect for Mobile", "Enabled");
        yield return ("AnyConnect for Cisco VPN Phone", "Enabled");
        yield return ("Advanced Endpoint Assessment", "Enabled");
        yield return ("Shared License", "Disabled");
        yield return ("Total TLS Proxy Sessions", Number(license.TlsProxySessions));
        yield return ("Botnet Traffic Filter", "Disabled");
        yield return ("Cluster", "Enabled");
    }

    private static string Enabled(bool enabled) => enabled ? "Enabled" : "Disabled";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
