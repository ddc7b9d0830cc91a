using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Asa.Show;
using SmartLicensing.Asa.Tests.Fakes;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Tests.Show;

/// <summary>Each row of the per-model license tables, as a licensed device prints and applies it.</summary>
public sealed class ModelLimitsTests
{
    private static readonly ProductCatalog Catalog = CatalogLoader.BuiltIn;

    [Theory]
    [InlineData("ASAv5", 50_000, 500, 50, 50, 50, 25, "100 Mbps")]
    [InlineData("ASAv10", 100_000, 500, 250, 250, 250, 50, "1 Gbps")]
    [InlineData("ASAv30", 500_000, 1000, 750, 1000, 1000, 200, "2 Gbps")]
    [InlineData("ASAv50", 2_000_000, 10000, 10000, 10000, 10000, 1024, "10 Gbps")]
    public void ShowLicenseFeatures_LicensedAsav_PrintsTableValues(
        string name, long connections, int tlsProxy, int anyConnect, int otherVpn, int totalVpn, int vlans, string throughput)
    {
        var model = Catalog.FindAsavModel(name)!;
        var platform = new AsaPlatform(model, model.Vcpus, model.MemoryMb);
        var config = RunningConfig.Default with { LicenseSmart = new LicenseSmartConfig(true, model.ThroughputLevel) };
        var license = PlatformLicense.Evaluate(config, platform, AgentStates.RegisteredAuthorized([new EntitlementRequest(model.Standard.Tag, 1)]), Catalog);

        var text = LicenseFeaturesRenderer.Render(license, config.LicenseSmart);

        Assert.Equal(connections, platform.FirewallConnections);
        Assert.Contains("Firewall throughput limited to " + throughput + "\n", text, StringComparison.Ordinal);
        Assert.Contains(Row("Maximum VLANs", vlans), text, StringComparison.Ordinal);
        Assert.Contains(Row("Total TLS Proxy Sessions", tlsProxy), text, StringComparison.Ordinal);
        Assert.Contains(Row("AnyConnect Premium Peers", anyConnect), text, StringComparison.Ordinal);
        Assert.Contains(Row("Other VPN Peers", otherVpn), text, StringComparison.Ordinal);
        Assert.Contains(Row("Total VPN Peers", totalVpn), text, StringComparison.Ordinal);
        Assert.Contains(Row("Carrier", "Enabled"), text, StringComparison.Ordinal);
        Assert.Contains(Row("Botnet Traffic Filter", "Enabled"), text, StringComparison.Ordinal);
        Assert.Contains(Row("Failover", "Active/Standby"), text, StringComparison.Ordinal);
        Assert.Contains(Row("Security Contexts", "0"), text, StringComparison.Ordinal);
        Assert.Contains(Row("Cluster", "Disabled"), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Firepower 4110", 1, 10_000_000, 10000, 10000, 10000)]
    [InlineData("Firepower 4120", 1, 15_000_000, 15000, 20000, 20000)]
    [InlineData("Firepower 4140", 1, 25_000_000, 15000, 20000, 20000)]
    [InlineData("Firepower 4150", 1, 35_000_000, 15000, 20000, 20000)]
    [InlineData("Firepower 9300 SM-24", 1, 55_000_000, 15000, 20000, 20000)]
    [InlineData("Firepower 9300 SM-36", 1, 60_000_000, 15000, 20000, 20000)]
    [InlineData("Firepower 9300 SM-44", 1, 60_000_000, 15000, 20000, 20000)]
    [InlineData("Firepower 9300 SM-44", 3, 70_000_000, 15000, 20000, 20000)]
    [InlineData("Firepower 9300 SM-24", 3, 70_000_000, 15000, 20000, 20000)]
    public void ShowLicenseFeatures_AuthorizedFirepower_PrintsTableValues(
        string name, int modules, long connections, int tlsProxy, int otherVpn, int totalVpn)
    {
        var model = Catalog.FindFirepowerModel(name)!;
        var platform = new AsaPlatform(Catalog.AsavModels[^1], 0, 0) { Firepower = model, Modules = modules };
        var config = RunningConfig.Default with { LicenseSmart = new LicenseSmartConfig(true, null) };
        var state = AgentStates.RegisteredAuthorized([new EntitlementRequest(model.Platform.Entitlements.Standard!.Tag, 1)]);
        var license = PlatformLicense.Evaluate(config, platform, state, Catalog);

        var text = LicenseFeaturesRenderer.Render(license, config.LicenseSmart);

        Assert.Equal(connections, platform.FirewallConnections);
        Assert.StartsWith("License mode: Smart Licensing\n\nLicensed features for this platform:\nMaximum Physical Interfaces       : Unlimited\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ASAv Platform License State", text, StringComparison.Ordinal);
        Assert.Contains("\nFailover cluster licensed features for this platform:\n", text, StringComparison.Ordinal);
        Assert.Contains(Row("Maximum VLANs", 1024), text, StringComparison.Ordinal);
        Assert.Contains(Row("Total TLS Proxy Sessions", tlsProxy), text, StringComparison.Ordinal);
        Assert.Contains(Row("Other VPN Peers", otherVpn), text, StringComparison.Ordinal);
        Assert.Contains(Row("Total VPN Peers", totalVpn), text, StringComparison.Ordinal);
        Assert.Contains(Row("Security Contexts", 10), text, StringComparison.Ordinal);
        Assert.Contains(Row("Carrier", "Disabled"), text, StringComparison.Ordinal);
        Assert.Contains(Row("Botnet Traffic Filter", "Disabled"), text, StringComparison.Ordinal);
        Assert.Contains(Row("Cluster", "Enabled"), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(230, 240, 250)]
    [InlineData(10, 20, 30)]
    [InlineData(240, 250, 250)]
    public void ContextLicenses_AddToStandardTen_UpToPlatformLimit(int contextLicenses, int unit, int failoverPair)
    {
        var model = Catalog.FindFirepowerModel("Firepower 4110")!;
        var platform = new AsaPlatform(Catalog.AsavModels[^1], 0, 0) { Firepower = model };
        var entitlements = model.Platform.Entitlements;
        var config = RunningConfig.Default with { LicenseSmart = new LicenseSmartConfig(true, null) { Contexts = contextLicenses } };
        var state = AgentStates.RegisteredAuthorized([
            new EntitlementRequest(entitlements.Standard!.Tag, 1),
            new EntitlementRequest(entitlements.Context!.Tag, contextLicenses)]);

        var license = PlatformLicense.Evaluate(config, platform, state, Catalog);

        Assert.Equal(unit, license.SecurityContexts);
        Assert.Equal(failoverPair, license.FailoverSecurityContexts);
    }

    private static string Row(string label, object value) =>
        label.PadRight(34) + ": " + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) + "\n";
}
