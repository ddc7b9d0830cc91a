using System.Collections.Immutable;

namespace SmartLicensing.Asa.Config;

/// <summary>The configuration an ASAv runs with; immutable, changed with <c>with</c> expressions.</summary>
internal sealed record RunningConfig
{
    public const string DefaultHostname = "ciscoasa";

    public string Hostname { get; init; } = DefaultHostname;

    /// <summary>The <c>license smart</c> block, or null when the configuration has none.</summary>
    public LicenseSmartConfig? LicenseSmart { get; init; }

    public CallHomeConfig CallHome { get; init; } = CallHomeConfig.Default;

    /// <summary><c>license smart reservation</c>: permanent license reservation mode, which has no <c>license smart</c> block.</summary>
    public bool LicenseReservation { get; init; }

    /// <summary><c>service call-home</c>; turning it off leaves Smart Licensing working.</summary>
    public bool ServiceCallHome { get; init; } = true;

    /// <summary>Feature configuration (interfaces, crypto, inspection, TLS proxy), in the order it was entered.</summary>
    public ImmutableList<ConfigBlock> Blocks { get; init; } = [];

    public static RunningConfig Default { get; } = new();
}

/// <summary>The <c>license smart</c> block.</summary>
/// <param name="FeatureTierStandard">Whether <c>feature tier standard</c> is set.</param>
/// <param name="ThroughputLevel">Configured <c>throughput level</c> (<c>1G</c> and so on), or null.</param>
internal sealed record LicenseSmartConfig(bool FeatureTierStandard, string? ThroughputLevel)
{
    /// <summary>Firepower: <c>feature carrier</c>.</summary>
    public bool Carrier { get; init; }

    /// <summary>Firepower: the count of <c>feature context</c>, or null.</summary>
    public int? Contexts { get; init; }

    /// <summary>Firepower: <c>feature strong-encryption</c>, for license servers without the export token.</summary>
    public bool StrongEncryption { get; init; }

    public static LicenseSmartConfig Empty { get; } = new(false, null);
}

/// <summary>The <c>call-home</c> block: the <c>License</c> profile's destination and the HTTP proxy.</summary>
/// <param name="LicenseDestination">The <c>destination address http</c> URL of <c>profile License</c>.</param>
/// <param name="ProxyAddress">Host or IP address of <c>http-proxy</c>, or null.</param>
/// <param name="ProxyPort">Port of <c>http-proxy</c>, or null.</param>
internal sealed record CallHomeConfig(string LicenseDestination, string? ProxyAddress, int? ProxyPort)
{
    public const string LicenseProfileName = "License";

    /// <summary>The License Authority's device endpoint on this host, where our server listens by default.</summary>
    public const string DefaultLicenseDestination = "https://127.0.0.1:8443/its/service/oddce/services/DDCEService";

    public static CallHomeConfig Default { get; } = new(DefaultLicenseDestination, null, null);
}
