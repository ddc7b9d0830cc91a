using System.Globalization;
using System.Text.RegularExpressions;
using SmartLicensing.Asa.Config;

namespace SmartLicensing.Asa.Cli;

/// <summary>Configuration commands: host name, the <c>license smart</c> block and the <c>call-home</c> block.</summary>
internal sealed partial class AsaSession
{
    private Task SetHostname(string name)
    {
        if (!HostnamePattern().IsMatch(name))
        {
            _output.WriteLine($"ERROR: Hostname '{name}' is invalid. Use up to 63 letters, digits and hyphens, starting with a letter.");
            return Task.CompletedTask;
        }

        ChangeConfig(Config with { Hostname = name });
        return Task.CompletedTask;
    }

    private Task EnterLicenseSmart()
    {
        ChangeConfig(Config with { LicenseSmart = Config.LicenseSmart ?? LicenseSmartConfig.Empty });
        Mode = CliMode.SmartLicense;
        return Task.CompletedTask;
    }

    private Task RemoveLicenseSmart()
    {
        ChangeConfig(Config with { LicenseSmart = null });
        return Task.CompletedTask;
    }

    private Task SetFeatureTier(bool standard)
    {
        var license = Config.LicenseSmart ?? LicenseSmartConfig.Empty;
        ChangeConfig(Config with { LicenseSmart = license with { FeatureTierStandard = standard } });
        return Task.CompletedTask;
    }

    /// <summary>Sets the level named among <paramref name="keywords"/>, or removes it when null.</summary>
    private Task SetThroughputLevel(IReadOnlySet<string>? keywords)
    {
        var license = Config.LicenseSmart ?? LicenseSmartConfig.Empty;
        if (keywords is null)
        {
            ChangeConfig(Config with { LicenseSmart = license with { ThroughputLevel = null } });
            return Task.CompletedTask;
        }

        if (_device.Platform.Firepower is { } firepower && !_replaying)
        {
            _output.WriteLine($"ERROR: A throughput level is for the ASAv; the {firepower.Model} has no throughput license.");
            return Task.CompletedTask;
        }

        var requested = _device.Catalog.AsavModels.First(m => keywords.Contains(m.ThroughputLevel.ToLowerInvariant()));
        var model = _device.Platform.Model;
        if (!string.Equals(requested.ThroughputLevel, model.ThroughputLevel, StringComparison.OrdinalIgnoreCase))
        {
            _output.WriteLine(
                $"ERROR: Throughput level {requested.ThroughputLevel} is not allowed on this {model.Model}. The throughput level of an {model.Model} is {model.ThroughputLevel}; level {requested.ThroughputLevel} needs an {requested.Model}.");
            return Task.CompletedTask;
        }

        ChangeConfig(Config with { LicenseSmart = license with { ThroughputLevel = requested.ThroughputLevel } });
        return Task.CompletedTask;
    }

    private Task SetServiceCallHome(bool enabled)
    {
        // Smart Licensing keeps using the License profile either way.
        ChangeConfig(Config with { ServiceCallHome = enabled });
        return Task.CompletedTask;
    }

    private Task EnterProfile(string name)
    {
        if (!IsLicenseProfile(name))
        {
            _output.WriteLine($"ERROR: Profile '{name}' cannot be configured. This device has only the '{CallHomeConfig.LicenseProfileName}' profile, which Smart Licensing uses.");
            return Task.CompletedTask;
        }

        Mode = CliMode.CallHomeProfile;
        return Task.CompletedTask;
    }

    private Task RemoveProfile(string name)
    {
        _output.WriteLine(IsLicenseProfile(name)
            ? $"ERROR: The {CallHomeConfig.LicenseProfileName} profile cannot be removed because Smart Licensing sends its messages through it. Change its destination address instead."
            : $"ERROR: Profile '{name}' does not exist.");
        return Task.CompletedTask;
    }

    private Task SetHttpProxy(string address, string portText)
    {
        if (Uri.CheckHostName(address) == UriHostNameType.Unknown)
        {
            _output.WriteLine($"ERROR: HTTP proxy address '{address}' is invalid. Give an IP address or host name.");
            return Task.CompletedTask;
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            _output.WriteLine($"ERROR: HTTP proxy port '{portText}' is invalid. Give a port from 1 to 65535.");
            return Task.CompletedTask;
        }

        ChangeConfig(Config with { CallHome = Config.CallHome with { ProxyAddress = address, ProxyPort = port } });
        return Task.CompletedTask;
    }

    private Task RemoveHttpProxy()
    {
        ChangeConfig(Config with { CallHome = Config.CallHome with { ProxyAddress = null, ProxyPort = null } });
        return Task.CompletedTask;
    }

    private Task SetDestinationAddress(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            _output.WriteLine($"ERROR: Destination address '{url}' is not a valid URL. Give an absolute http:// or https:// URL, for example {CallHomeConfig.DefaultLicenseDestination}");
            return Task.CompletedTask;
        }

        ChangeConfig(Config with { CallHome = Config.CallHome with { LicenseDestination = url } });
        return Task.CompletedTask;
    }

    private Task RemoveDestinationAddress()
    {
        _output.WriteLine($"ERROR: The {CallHomeConfig.LicenseProfileName} profile needs a destination address. Change it with 'destination address http <url>' instead of removing it.");
        return Task.CompletedTask;
    }

    private Task RemoveTransportMethod()
    {
        _output.WriteLine($"ERROR: The {CallHomeConfig.LicenseProfileName} profile sends Smart Licensing messages over HTTP; its transport method cannot be removed.");
        return Task.CompletedTask;
    }

    private static bool IsLicenseProfile(string name) =>
        string.Equals(name, CallHomeConfig.LicenseProfileName, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,62}$")]
    private static partial Regex HostnamePattern();
}
