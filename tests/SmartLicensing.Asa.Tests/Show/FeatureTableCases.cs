using SmartLicensing.Agent;
using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Asa.Show;
using SmartLicensing.Asa.Tests.Fakes;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Tests.Show;

/// <summary>
/// <c>show license features</c> of every model in every licensing state, each with its expected
/// file under Expected/Features/ named <c>&lt;model&gt;-&lt;state&gt;</c>.
/// </summary>
internal static class FeatureTableCases
{
    private static readonly ProductCatalog Catalog = CatalogLoader.BuiltIn;

    public static IReadOnlyDictionary<string, Func<string>> All { get; } = Build();

    public static string FileName(string model, string state) =>
        model.ToLowerInvariant().Replace(' ', '-') + "-" + state;

    private static Dictionary<string, Func<string>> Build()
    {
        var cases = new Dictionary<string, Func<string>>(StringComparer.Ordinal);
        foreach (var model in Catalog.AsavModels)
        {
            var platform = new AsaPlatform(model, model.Vcpus, model.MemoryMb);
            var licensed = RunningConfig.Default with { LicenseSmart = new LicenseSmartConfig(true, model.ThroughputLevel) };
            var authorized = Authorized([new EntitlementRequest(model.Standard.Tag, 1)]);
            cases[FileName(model.Model, "unlicensed")] = () => Render(RunningConfig.Default, platform, AgentStates.Unregistered);
            cases[FileName(model.Model, "eval-period")] = () => Render(licensed, platform, AgentStates.Unregistered);
            cases[FileName(model.Model, "authorized")] = () => Render(licensed, platform, authorized);
            cases[FileName(model.Model, "authorized-no-export")] = () => Render(licensed, platform, WithoutExport(authorized));
            cases[FileName(model.Model, "out-of-compliance")] = () => Render(licensed, platform, OutOfCompliance(authorized));
        }

        foreach (var model in Catalog.FirepowerModels)
        {
            var platform = new AsaPlatform(Catalog.AsavModels[^1], 0, 0) { Firepower = model };
            var standardOnly = RunningConfig.Default with { LicenseSmart = new LicenseSmartConfig(true, null) };
            var allFeatures = RunningConfig.Default with { LicenseSmart = new LicenseSmartConfig(true, null) { Carrier = true, Contexts = 20 } };
            var entitlements = model.Platform.Entitlements;
            var authorizedAll = Authorized([
                new EntitlementRequest(entitlements.Standard!.Tag, 1),
                new EntitlementRequest(entitlements.Carrier!.Tag, 1),
                new EntitlementRequest(entitlements.Context!.Tag, 20)]);
            var authorizedStandard = Authorized([new EntitlementRequest(entitlements.Standard.Tag, 1)]);
            cases[FileName(model.Model, "evaluation")] = () => Render(allFeatures, platform, AgentStates.Unregistered);
            cases[FileName(model.Model, "authorized")] = () => Render(allFeatures, platform, authorizedAll);
            cases[FileName(model.Model, "authorized-no-export")] = () => Render(standardOnly, platform, WithoutExport(authorizedStandard));
            cases[FileName(model.Model, "out-of-compliance")] = () => Render(allFeatures, platform, OutOfCompliance(authorizedAll));
        }

        return cases;
    }

    private static AgentState Authorized(IReadOnlyList<EntitlementRequest> requests) => AgentStates.RegisteredAuthorized(requests);

    private static AgentState WithoutExport(AgentState state) => state with { ExportControlledAllowed = false, ExportAuthorized = false };

    private static AgentState OutOfCompliance(AgentState state) => state with
    {
        Authorization = AuthorizationStatus.OutOfCompliance,
        Entitlements = [.. state.Entitlements.Select(e => e with { Status = EntitlementStatus.OutOfCompliance })],
    };

    private static string Render(RunningConfig config, AsaPlatform platform, AgentState state) =>
        LicenseFeaturesRenderer.Render(PlatformLicense.Evaluate(config, platform, state, Catalog), config.LicenseSmart);
}
