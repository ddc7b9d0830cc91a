namespace SmartLicensing.Asa.Platform;

/// <summary>Version strings the emulated ASAv reports.</summary>
internal static class AsaVersion
{
    /// <summary>ASA software release the emulator imitates.</summary>
    public const string Software = "9.20(2)";

    public const string DeviceManager = "7.20(1)";

    public const string ImageFile = "boot:/asa9202-smp-k8.bin";

    /// <summary>Version of our Smart Agent library, printed as <c>Smart Agent for Licensing</c>.</summary>
    public static string Agent { get; } = FormatAgentVersion();

    private static string FormatAgentVersion()
    {
        var version = typeof(SmartLicensing.Agent.SmartAgent).Assembly.GetName().Version ?? new Version(1, 0, 0);
        return FormattableString.Invariant($"{version.Major}.{version.Minor}.{Math.Max(version.Build, 0)}_smartlic");
    }
}
