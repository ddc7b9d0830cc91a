using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Asa.Platform;

namespace SmartLicensing.Asa.Show;

/// <summary>Inputs of <c>show version</c>.</summary>
/// <param name="Hostname">Configured host name.</param>
/// <param name="Platform">Virtual machine and model.</param>
/// <param name="SerialNumber">Device serial number.</param>
/// <param name="BootTime">When the device last booted (or reloaded).</param>
/// <param name="Now">Current device time.</param>
/// <param name="ConfigModifiedAt">Last configuration change since boot, or null when none.</param>
/// <param name="License">Platform license state.</param>
/// <param name="LicenseConfig">The <c>license smart</c> block, for the reason an entitlement is missing.</param>
internal sealed record VersionView(
    string Hostname,
    AsaPlatform Platform,
    string SerialNumber,
    DateTimeOffset BootTime,
    DateTimeOffset Now,
    DateTimeOffset? ConfigModifiedAt,
    PlatformLicense License,
    LicenseSmartConfig? LicenseConfig);

/// <summary><c>show version</c>: software banner, uptime, hardware, interfaces, license block and serial number.</summary>
internal static class VersionRenderer
{
    public static string Render(VersionView view)
    {
        var text = new StringBuilder();
        text.Line();
        text.Line("Cisco Adaptive Security Appliance Software Version " + AsaVersion.Software);
        text.Line("Device Manager Version " + AsaVersion.DeviceManager);
        text.Line();
        text.Line("Compiled on Wed 09-Aug-23 12:00 GMT by builders");
        text.Line($"System image file is \"{AsaVersion.ImageFile}\"");
        text.Line("Config file at boot was \"startup-config\"");
        text.Line();
        text.Line($"{view.Hostname} up {Uptime(view.Now - view.BootTime)}");
        text.Line();
        text.Line("Hardware:   " + ConfigRenderer.HardwareLine(view.Platform) + ",");
        text.Line("Model Id:   " + view.Platform.ModelName);
        text.Line("Internal ATA Compact Flash, 8192MB");
        text.Line("Slot 1: ATA Compact Flash, 8192MB");
        text.Line("BIOS Flash Firmware Hub @ 0x0, 0KB");
        text.Line();
        text.Line();
        var interfaces = new[] { "Management0/0", "GigabitEthernet0/0", "GigabitEthernet0/1", "GigabitEthernet0/2" };
        for (var i = 0; i < interfaces.Length; i++)
        {
            text.Line(string.Create(CultureInfo.InvariantCulture, $"{i,2}: Ext: {interfaces[i],-20}: address is {MacAddress(view.SerialNumber, i)}, irq 11"));
        }

        text.Line();
        text.Append(LicenseFeaturesRenderer.Render(view.License, view.LicenseConfig));
        text.Line();
        text.Line("Serial Number: " + view.SerialNumber);
        text.Line();
        text.Line("Image type          : Release");
        text.Line("Key version         : A");
        text.Line();
        text.Line(view.ConfigModifiedAt is { } modified
            ? "Configuration last modified by enable_15 at " + ShowText.ClockDate(modified)
            : "Configuration has not been modified since last system restart.");
        return text.ToString();
    }

    /// <summary>Formats an uptime as the ASA does: the two largest units, for example <c>3 days 22 hours</c>.</summary>
    public static string Uptime(TimeSpan uptime)
    {
        if (uptime < TimeSpan.Zero)
        {
            uptime = TimeSpan.Zero;
        }

        static string Unit(int value, string name) =>
            string.Create(CultureInfo.InvariantCulture, $"{value} {name}{(value == 1 ? "" : "s")}");

        if (uptime.Days > 0)
        {
            return $"{Unit(uptime.Days, "day")} {Unit(uptime.Hours, "hour")}";
        }

        return uptime.Hours > 0
            ? $"{Unit(uptime.Hours, "hour")} {Unit(uptime.Minutes, "min")}"
            : $"{Unit(uptime.Minutes, "min")} {Unit(uptime.Seconds, "sec")}";
    }

    /// <summary>A stable MAC address per serial number and interface, in the KVM 5254.00 range.</summary>
    private static string MacAddress(string serialNumber, int index)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(serialNumber));
        return string.Create(CultureInfo.InvariantCulture, $"5254.00{hash[0]:x2}.{hash[1]:x2}{index:x2}");
    }
}
