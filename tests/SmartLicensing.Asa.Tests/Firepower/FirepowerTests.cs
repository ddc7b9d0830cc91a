using SmartLicensing.Asa.Tests.Fakes;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Tests.Firepower;

/// <summary>The ASA application on a Firepower 4100 or 9300 chassis: boot options, feature requests and its show output.</summary>
public sealed class FirepowerTests : IDisposable
{
    private static readonly ProductCatalog Catalog = CatalogLoader.BuiltIn;

    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    private AsaOptions Options(string platform, string model, int? modules = null) =>
        _device.Options() with { Platform = platform, Model = model, Modules = modules };

    [Theory]
    [InlineData("fpr4100", "4110", "Firepower 4110", "PID:FPR-4110")]
    [InlineData("fpr4100", "Firepower 4150", "Firepower 4150", "PID:FPR-4150")]
    [InlineData("fpr9300", "SM-44", "Firepower 9300 SM-44", "PID:FPR9K-SM-44")]
    [InlineData("fpr9300", "sm-24", "Firepower 9300 SM-24", "PID:FPR9K-SM-24")]
    public async Task Boot_FirepowerModel_ShowsModelAndUdi(string platform, string model, string expectedModel, string expectedUdi)
    {
        var (exitCode, output) = await _device.RunAsync("show version\nshow license udi\n", Options(platform, model));

        Assert.Equal(0, exitCode);
        Assert.Contains("Model Id:   " + expectedModel + "\n", output, StringComparison.Ordinal);
        Assert.Contains("UDI: " + expectedUdi + ",SN:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ASAv Platform License State", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fpr4100", "SM-44", null, "--model 'SM-44' is not a Firepower 4100 model. Use one of 4110, 4120, 4140, 4150.")]
    [InlineData("fpr9300", "SM-44", 4, "--modules 4 is invalid: a Firepower 9300 chassis holds 1 to 3 security modules.")]
    [InlineData("fpr4100", "4110", 2, "--modules 2 is invalid: a Firepower 4100 chassis holds 1 security module.")]
    [InlineData("fpr2100", "2110", null, "--platform 'fpr2100' is not a Firepower platform.")]
    public async Task Boot_InvalidFirepowerOptions_FailsNamingValue(string platform, string model, int? modules, string expected)
    {
        var (exitCode, output) = await _device.RunAsync("", Options(platform, model, modules));

        Assert.Equal(AsaConsole.InvalidOptionsExitCode, exitCode);
        Assert.Contains(expected[1..], output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feature carrier")]
    [InlineData("feature context 20")]
    [InlineData("feature strong-encryption")]
    public async Task Feature_BeforeStandardTier_IsRefused(string command)
    {
        var (_, output) = await _device.RunAsync($"enable\nconf t\nlicense smart\n {command}\nshow running-config license\n", Options("fpr9300", "SM-44"));

        Assert.Contains($"ERROR: '{command.Split(' ')[0]} {command.Split(' ')[1]}' needs the Standard tier. Configure 'feature tier standard' before any other feature.", output, StringComparison.Ordinal);
        Assert.Empty(_device.Agent.Entitlements);
    }

    [Fact]
    public async Task Features_AfterStandardTier_AreRequested()
    {
        var (_, output) = await _device.RunAsync(
            "enable\nconf t\nlicense smart\n feature tier standard\n feature carrier\n feature context 20\n feature strong-encryption\nshow running-config license\n",
            Options("fpr9300", "SM-44"));

        var entitlements = Catalog.FindPlatform("fpr9300")!.Entitlements;
        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        Assert.Contains("license smart\n feature tier standard\n feature carrier\n feature context 20\n feature strong-encryption\n", output, StringComparison.Ordinal);
        Assert.Equal(
            [(entitlements.Standard!.Tag, 1), (entitlements.Carrier!.Tag, 1), (entitlements.Context!.Tag, 20), (entitlements.StrongEncryption!.Tag, 1)],
            _device.Agent.Entitlements.Select(e => (e.Tag, e.Count)));
    }

    [Fact]
    public async Task FeatureContext_OutOfRange_IsRefused()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nlicense smart\n feature tier standard\n feature context 249\n", Options("fpr4100", "4110"));

        Assert.Contains("ERROR: Context count '249' is invalid. Give a number from 1 to 248.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeatureCarrier_OnAsav_IsRefused()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nlicense smart\n feature tier standard\n feature carrier\n");

        Assert.Contains("ERROR: 'feature carrier' is for the ASA on a Firepower 4100 or 9300 chassis.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThroughputLevel_OnFirepower_IsRefused()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nlicense smart\n throughput level 1G\n", Options("fpr4100", "4110"));

        Assert.Contains("ERROR: A throughput level is for the ASAv; the Firepower 4110 has no throughput license.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowLicenseAll_Registered_ShowsEntitlementBlocksAndTables()
    {
        _device.ConfigureAgent = agent => agent.OnRegister = (fake, _, _) =>
        {
            fake.State = AgentStates.RegisteredAuthorized(fake.Entitlements);
            fake.Raise(SmartLicensing.Agent.AgentEventKind.RegistrationSucceeded, "Registered.");
            return SmartLicensing.Agent.AgentResult.Success;
        };

        var (_, output) = await _device.RunAsync(
            "enable\nconf t\nlicense smart\n feature tier standard\n feature context 20\nend\nlicense smart register idtoken T0KEN\nshow license all\npolicy-map p\n",
            Options("fpr9300", "SM-44"));

        var contextTag = Catalog.FindPlatform("fpr9300")!.Entitlements.Context!.Tag;
        Assert.Contains("Smart licensing enabled: Yes\n\nCompliance status: In compliance\n\nOverall licensed status: Authorized (3)\n", output, StringComparison.Ordinal);
        Assert.Contains("Context:\n  Tag: " + contextTag + "\n  Version: 1.0\n  Enforcement mode: Authorized\n  Handle: 2\n", output, StringComparison.Ordinal);
        Assert.Contains("  Requested count: 20\n  Request status: Complete\n", output, StringComparison.Ordinal);
        Assert.Contains("Security Contexts                 : 30\n", output, StringComparison.Ordinal);
        Assert.Contains("Failover cluster licensed features for this platform:\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Carrier_RequestedButNotAuthorized_GatesInspection()
    {
        var (_, output) = await _device.RunAsync(
            "enable\nconf t\nlicense smart\n feature tier standard\n feature carrier\nexit\npolicy-map global_policy\n class inspection_default\n  inspect gtp\n",
            Options("fpr4100", "4120"));

        Assert.Contains("ERROR: GTP inspection needs the Carrier license, which is not enabled on this device. Request it with 'feature carrier' under 'license smart'.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotnetTrafficFilter_OnFirepower_IsNotSupported()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\ndynamic-filter updater-client enable\n", Options("fpr4100", "4110"));

        Assert.Contains("ERROR: The Botnet Traffic Filter is not supported on the Firepower 4100.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsProxy_WithoutStrongEncryption_CappedAtK8Limit()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\ntls-proxy maximum-sessions ?\ntls-proxy maximum-sessions 1001\n", Options("fpr9300", "SM-44"));

        Assert.Contains("  <1-1000>  Maximum number of TLS proxy sessions", output, StringComparison.Ordinal);
        Assert.Contains("ERROR: 1001 TLS proxy sessions are too many: the licenses in use are K8, which allow at most 1000 TLS proxy sessions.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabTraffic_WithoutStrongEncryption_IsBlocked()
    {
        var (_, output) = await _device.RunAsync("enable\nlab traffic 1G\n", Options("fpr4100", "4110"));

        Assert.Contains("forwarded 0 Kbps: through-the-box traffic is blocked until the chassis obtains the Strong Encryption (3DES/AES) license.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabConnections_ThreeModuleChassis_CappedAtChassisLimit()
    {
        var (_, output) = await _device.RunAsync("enable\nlab session open connection 70000000\nlab session open connection 1\n", Options("fpr9300", "SM-44", 3));

        Assert.Contains("Opened 70000000 connections; 70000000 active.", output, StringComparison.Ordinal);
        Assert.Contains("ERROR: Cannot open 1 connection: 70000000 of the 70000000 Firewall Conns, Concurrent of this Firepower 9300 SM-44 are in use.", output, StringComparison.Ordinal);
    }
}
