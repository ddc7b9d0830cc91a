using System.Globalization;
using SmartLicensing.Agent;
using SmartLicensing.Asa.Config;

namespace SmartLicensing.Asa.Cli;

/// <summary>
/// The feature licenses the ASA application on a Firepower chassis requests under
/// <c>license smart</c>. The Standard tier comes first; without it no other feature can be set.
/// While the chassis is out of compliance, features that need a license cannot be added.
/// </summary>
internal sealed partial class AsaSession
{
    /// <summary>Largest count <c>feature context</c> takes. It matches the maximum the ASA configuration offers for a permanent reservation.</summary>
    private const int MaximumContextLicenses = 248;

    private static void AddFirepowerLicenseCommands(CommandGrammar smartLicense)
    {
        CommandHandler removeContext = static (s, _, _) => s.SetFirepowerFeature("context", license => license with { Contexts = null }, adds: false);
        smartLicense
            .Add("feature carrier", static (s, _, _) => s.SetFirepowerFeature("carrier", license => license with { Carrier = true }, adds: true))
            .Add("no feature carrier", static (s, _, _) => s.SetFirepowerFeature("carrier", license => license with { Carrier = false }, adds: false))
            .Add("feature context <count>", static (s, a, _) => s.SetContextLicense(a.Argument("count")))
            .Add("no feature context", removeContext)
            .Add("no feature context <count>", removeContext)
            .Add("feature strong-encryption", static (s, _, _) => s.SetFirepowerFeature("strong-encryption", license => license with { StrongEncryption = true }, adds: true))
            .Add("no feature strong-encryption", static (s, _, _) => s.SetFirepowerFeature("strong-encryption", license => license with { StrongEncryption = false }, adds: false));
    }

    private Task SetContextLicense(string countText)
    {
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaximumContextLicenses)
        {
            var limits = _device.Platform.Firepower?.Platform.Features.SecurityContexts;
            var why = limits is null
                ? string.Empty
                : string.Create(CultureInfo.InvariantCulture,
                    $" The ASA accepts 1 to {MaximumContextLicenses} for 'feature context', so a {limits.Maximum}-context license is configured as {MaximumContextLicenses}; the {limits.Default} contexts of the Standard license are added, up to the platform limit of {limits.Maximum}.");
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ERROR: Context count '{countText}' is invalid. Give a number from 1 to {MaximumContextLicenses}.{why}"));
            return Task.CompletedTask;
        }

        return SetFirepowerFeature("context", license => license with { Contexts = count }, adds: true);
    }

    private Task SetFirepowerFeature(string feature, Func<LicenseSmartConfig, LicenseSmartConfig> change, bool adds)
    {
        var license = Config.LicenseSmart ?? LicenseSmartConfig.Empty;
        if (!_replaying && !_device.Platform.IsFirepower)
        {
            _output.WriteLine($"ERROR: 'feature {feature}' is for the ASA on a Firepower 4100 or 9300 chassis. The ASAv is licensed by 'feature tier standard' and 'throughput level'.");
            return Task.CompletedTask;
        }

        if (!_replaying && adds && !license.FeatureTierStandard)
        {
            _output.WriteLine($"ERROR: 'feature {feature}' needs the Standard tier. Configure 'feature tier standard' before any other feature.");
            return Task.CompletedTask;
        }

        if (!_replaying && adds && _agent is { } agent
            && agent.State.Registration == RegistrationStatus.Registered
            && agent.State.Authorization == AuthorizationStatus.OutOfCompliance)
        {
            _output.WriteLine($"ERROR: 'feature {feature}' cannot be added while the chassis is out of compliance. Add licenses to the virtual account and renew the authorization first.");
            return Task.CompletedTask;
        }

        ChangeConfig(Config with { LicenseSmart = change(license) });
        return Task.CompletedTask;
    }
}
