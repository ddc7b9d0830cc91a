using SmartLicensing.Agent;
using SmartLicensing.Asa.Tests.Fakes;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Tests.Firepower;

/// <summary>Strong Encryption and context licenses of the ASA on a Firepower chassis, as they take effect and as they are shown.</summary>
public sealed class FirepowerLicenseFixTests : IDisposable
{
    private const string StrongEnabled = "Encryption-3DES-AES               : Enabled\n";
    private const string StrongDisabled = "Encryption-3DES-AES               : Disabled\n";

    private static readonly PlatformEntitlements Sm = CatalogLoader.BuiltIn.FindPlatform("fpr9300")!.Entitlements;

    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    private AsaOptions Sm44 => _device.Options() with { Platform = "fpr9300", Model = "SM-44", Modules = 3 };

    /// <summary>Registered without export permission; the server has authorized Standard and Strong Encryption.</summary>
    private static AgentState RegisteredWithoutExport(params EntitlementRequest[] requests)
    {
        var state = AgentStates.RegisteredAuthorized(requests);
        return state with { ExportControlledAllowed = false, ExportAuthorized = false };
    }

    [Fact]
    public async Task FeatureStrongEncryption_AfterRegistrationWithoutExport_TakesEffectOnlyAfterReload()
    {
        _device.ConfigureAgent = agent => agent.State = RegisteredWithoutExport(
            new EntitlementRequest(Sm.Standard!.Tag, 1), new EntitlementRequest(Sm.StrongEncryption!.Tag, 1));

        var (_, output) = await _device.RunAsync(
            "enable\nconf t\nlicense smart\n feature tier standard\n feature strong-encryption\nend\nshow license features\n"
            + "conf t\nssl cipher tlsv1.2 high\nend\nwrite memory\nreload\nshow license features\n",
            Sm44);

        var tables = output.Split("License mode: Smart Licensing");
        Assert.Equal(3, tables.Length);
        Assert.Contains(StrongDisabled, tables[1], StringComparison.Ordinal);
        Assert.Contains("Strong Encryption (3DES/AES) has been added to the license. Reload the device for it to take effect.", tables[0], StringComparison.Ordinal);
        Assert.Contains(StrongEnabled, tables[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SslCipherHigh_StrongEncryptionWaitsForReload_SaysToReload()
    {
        _device.ConfigureAgent = agent => agent.State = RegisteredWithoutExport(
            new EntitlementRequest(Sm.Standard!.Tag, 1), new EntitlementRequest(Sm.StrongEncryption!.Tag, 1));

        var (_, output) = await _device.RunAsync(
            "enable\nconf t\nlicense smart\n feature tier standard\n feature strong-encryption\nexit\nssl cipher tlsv1.2 high\n",
            Sm44);

        var refusal = output[output.IndexOf("ERROR: SSL cipher level 'high'", StringComparison.Ordinal)..];
        Assert.Contains("takes effect after a reload", refusal.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Register the device", refusal.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowLicenseFeatures_ContextEntitlementOutOfCompliance_ShowsOnlyIncludedContexts()
    {
        _device.ConfigureAgent = agent =>
        {
            var state = AgentStates.RegisteredAuthorized([new EntitlementRequest(Sm.Standard!.Tag, 1), new EntitlementRequest(Sm.Context!.Tag, 240)]);
            agent.State = state with
            {
                Authorization = AuthorizationStatus.OutOfCompliance,
                Entitlements = [.. state.Entitlements.Select(e => e.Tag == Sm.Context.Tag ? e with { Status = EntitlementStatus.OutOfCompliance } : e)],
            };
        };

        var (_, output) = await _device.RunAsync(
            "enable\nconf t\nlicense smart\n feature tier standard\n feature context 240\nend\nshow license features\n",
            _device.Options() with { Platform = "fpr9300", Model = "SM-44" });

        Assert.Contains("Security Contexts                 : 10\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Security Contexts                 : 250\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowLicenseFeatures_ContextEntitlementAuthorized_AddsItUpToPlatformLimit()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized(
            [new EntitlementRequest(Sm.Standard!.Tag, 1), new EntitlementRequest(Sm.Context!.Tag, 248)]);

        var (_, output) = await _device.RunAsync(
            "enable\nconf t\nlicense smart\n feature tier standard\n feature context 248\nend\nshow license features\n",
            _device.Options() with { Platform = "fpr9300", Model = "SM-44" });

        Assert.Contains("Security Contexts                 : 250\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeatureContext_250_RefusalExplainsTheRange()
    {
        var (_, output) = await _device.RunAsync(
            "enable\nconf t\nlicense smart\n feature tier standard\n feature context 250\n",
            _device.Options() with { Platform = "fpr4100", Model = "4110" });

        Assert.Contains(
            "ERROR: Context count '250' is invalid. Give a number from 1 to 248. The ASA accepts 1 to 248 for 'feature context', so a 250-context license is configured as 248; the 10 contexts of the Standard license are added, up to the platform limit of 250.",
            output,
            StringComparison.Ordinal);
    }
}
