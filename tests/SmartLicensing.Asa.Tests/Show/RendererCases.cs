using SmartLicensing.Agent;
using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Asa.Show;
using SmartLicensing.Asa.Tests.Fakes;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Tests.Show;

/// <summary>Each renderer case: the name of its expected file under Expected/ and the text it renders.</summary>
internal static class RendererCases
{
    public const string Udi = "PID:ASAv,SN:9AHV3KJBEKE";
    public const string AgentVersion = "1.0.0_smartlic";

    private static readonly ProductCatalog Catalog = CatalogLoader.BuiltIn;
    private static readonly AsavModel Asav10 = Catalog.FindAsavModel("ASAv10")!;
    private static readonly AsaPlatform DefaultPlatform = new(Asav10, 1, 2048);

    private static readonly RunningConfig Licensed1G = RunningConfig.Default with
    {
        LicenseSmart = new LicenseSmartConfig(true, "1G"),
    };

    public static IReadOnlyDictionary<string, Func<string>> All { get; } = new Dictionary<string, Func<string>>
    {
        ["license-all-unregistered"] = () => LicenseAllRenderer.Render(View(AgentStates.Unregistered)),
        ["license-all-registered-authorized"] = () => LicenseAllRenderer.Render(View(AgentStates.RegisteredAuthorized1G)),
        ["license-all-registration-failed"] = () => LicenseAllRenderer.Render(View(AgentStates.RegistrationFailed)),
        ["license-all-registration-retry"] = () => LicenseAllRenderer.Render(View(AgentStates.RegistrationFailedRetrying)),
        ["license-all-out-of-compliance"] = () => LicenseAllRenderer.Render(View(AgentStates.OutOfCompliance)),
        ["license-status-registered-authorized"] = () => LicenseStatusRenderer.Render(View(AgentStates.RegisteredAuthorized1G)),
        ["license-status-renewal-failed"] = () => LicenseStatusRenderer.Render(View(AgentStates.RenewalFailed)),
        ["license-status-unregistered"] = () => LicenseStatusRenderer.Render(View(AgentStates.Unregistered)),
        ["license-summary-registered-authorized"] = () => LicenseSummaryRenderer.Render(View(AgentStates.RegisteredAuthorized1G)),
        ["license-summary-unregistered"] = () => LicenseSummaryRenderer.Render(View(AgentStates.Unregistered)),
        ["license-features-unconfigured"] = () => Features(RunningConfig.Default, AgentStates.Unregistered),
        ["license-features-eval-period"] = () => Features(Licensed1G, AgentStates.Unregistered),
        ["license-features-authorized"] = () => Features(Licensed1G, AgentStates.RegisteredAuthorized1G),
        ["license-features-out-of-compliance"] = () => Features(Licensed1G, AgentStates.OutOfCompliance),
        ["version-authorized"] = () => VersionRenderer.Render(new VersionView(
            "ciscoasa",
            DefaultPlatform,
            "9AHV3KJBEKE",
            AgentStates.Registered.AddHours(-2),
            AgentStates.Registered.AddMinutes(5),
            AgentStates.Registered.AddMinutes(-1),
            PlatformLicense.Evaluate(Licensed1G, DefaultPlatform, AgentStates.RegisteredAuthorized1G, Catalog),
            Licensed1G.LicenseSmart)),
        ["vm-memory-over-limit"] = () =>
        {
            var platform = new AsaPlatform(Asav10, 1, 8192);
            return VmRenderer.Render(platform, PlatformLicense.Evaluate(Licensed1G, platform, AgentStates.Unregistered, Catalog));
        },
    };

    private static LicenseView View(AgentState state) => LicenseView.Create(state, Udi, AgentVersion, Catalog);

    private static string Features(RunningConfig config, AgentState state) =>
        LicenseFeaturesRenderer.Render(PlatformLicense.Evaluate(config, DefaultPlatform, state, Catalog), config.LicenseSmart);
}
