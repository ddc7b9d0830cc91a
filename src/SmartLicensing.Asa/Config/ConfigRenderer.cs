using System.Globalization;
using System.Text;
using SmartLicensing.Asa.Platform;

namespace SmartLicensing.Asa.Config;

/// <summary>Writes the configuration as <c>show running-config</c> prints it and <c>write memory</c> saves it.</summary>
internal static class ConfigRenderer
{
    public static string RenderLicense(RunningConfig config)
    {
        if (config.LicenseReservation)
        {
            return "license smart reservation\n";
        }

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

        if (license.Carrier)
        {
            text.Append(" feature carrier\n");
        }

        if (license.Contexts is { } contexts)
        {
            text.Append(CultureInfo.InvariantCulture, $" feature context {contexts}\n");
        }

        if (license.StrongEncryption)
        {
            text.Append(" feature strong-encryption\n");
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
        text.Append(": Hardware:   ").Append(HardwareLine(platform)).Append('\n');
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

        foreach (var block in config.Blocks)
        {
            text.Append(block.Header).Append('\n');
            foreach (var line in block.Lines)
            {
                text.Append(line).Append('\n');
            }

            text.Append("!\n");
        }

        text.Append(config.ServiceCallHome ? "service call-home\n" : "no service call-home\n");
        text.Append(RenderCallHome(config));
        text.Append(": end\n");
        return text.ToString();
    }

    /// <summary>The hardware summary of <c>show version</c> and the configuration header, without the trailing comma.</summary>
    public static string HardwareLine(AsaPlatform platform) => platform.Firepower is { } firepower
        ? AsaPlatform.HardwareId(firepower) + ", 262144 MB RAM, CPU Xeon E5 series 2200 MHz"
        : string.Create(CultureInfo.InvariantCulture, $"ASAv, {platform.MemoryMb} MB RAM, CPU Xeon 4100/6100/8100 series 2200 MHz");
}
