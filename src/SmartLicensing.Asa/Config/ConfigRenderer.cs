using System.Globalization;
using System.Text;
using SmartLicensing.Asa.Platform;

namespace SmartLicensing.Asa.Config;

/// <summary>Writes the configuration as <c>show running-config</c> prints it and <c>write memory</c> saves it.</summary>
internal static class ConfigRenderer
{
    public static string RenderLicense(RunningConfig config)
    {
        if (config.LicenseSmart is not { } license)
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append("license smart\n");
        if (license.FeatureTierStandard)
        {
            text.Append(" feature tier standard\n");
        }

        if (license.ThroughputLevel is { } level)
        {
            text.Append(" throughput level ").Append(level).Append('\n');
        }

        return text.ToString();
    }

    public static string RenderCallHome(RunningConfig config)
    {
        var callHome = config.CallHome;
        var text = new StringBuilder();
        text.Append("call-home\n");
        if (callHome.ProxyAddress is { } address && callHome.ProxyPort is { } port)
        {
            text.Append(CultureInfo.InvariantCulture, $" http-proxy {address} port {port}\n");
        }

        text.Append(" profile ").Append(CallHomeConfig.LicenseProfileName).Append('\n');
        text.Append("  destination address http ").Append(callHome.LicenseDestination).Append('\n');
        text.Append("  destination transport-method http\n");
        return text.ToString();
    }

    public static string RenderFull(RunningConfig config, AsaPlatform platform, string serialNumber)
    {
        var text = new StringBuilder();
        text.Append(": Saved\n");
        text.Append(":\n");
        text.Append(": Serial Number: ").Append(serialNumber).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $": Hardware:   ASAv, {platform.MemoryMb} MB RAM, CPU Xeon 4100/6100/8100 series 2200 MHz\n");
        text.Append(":\n");
        text.Append("ASA Version ").Append(AsaVersion.Software).Append('\n');
        text.Append("!\n");
        text.Append("hostname ").Append(config.Hostname).Append('\n');
        text.Append("!\n");
        var license = RenderLicense(config);
        if (license.Length > 0)
        {
            text.Append(license);
            text.Append("!\n");
        }

        text.Append(config.ServiceCallHome ? "service call-home\n" : "no service call-home\n");
        text.Append(RenderCallHome(config));
        text.Append(": end\n");
        return text.ToString();
    }
}
