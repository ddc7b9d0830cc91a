namespace SmartLicensing.Catalog;

/// <summary>A platform the ASA runs on, such as the ASAv or the Firepower 4100 chassis, with its features and feature entitlements.</summary>
/// <param name="Id">Catalog id, for example <c>fpr4100</c>.</param>
/// <param name="Name">Name shown to users, for example <c>Firepower 4100</c>.</param>
/// <param name="Features">Features of the Standard license on this platform.</param>
/// <param name="Entitlements">Entitlements the ASA requests for each feature. On the ASAv they depend on the model instead.</param>
public sealed record ProductPlatform(string Id, string Name, PlatformFeatures Features, PlatformEntitlements Entitlements)
{
    /// <summary>Source or caveat of catalog data that does not come from the vendor's documentation, or null.</summary>
    public string? Note { get; init; }
}

/// <summary>What the Standard license allows on a platform, as in the per-model license tables.</summary>
/// <param name="BotnetTrafficFilter">Botnet Traffic Filter support.</param>
/// <param name="Carrier">Carrier license (Diameter, GTP/GPRS and SCTP inspection).</param>
/// <param name="Clustering">ASA clustering.</param>
/// <param name="Failover">Failover modes supported.</param>
/// <param name="Encryption">How the platform gets DES and Strong Encryption (3DES/AES).</param>
/// <param name="SecurityContexts">Security context limits, or null when the platform has no multiple context mode.</param>
public sealed record PlatformFeatures(
    FeatureAvailability BotnetTrafficFilter,
    FeatureAvailability Carrier,
    FeatureAvailability Clustering,
    FailoverMode Failover,
    EncryptionLicensing Encryption,
    SecurityContextLimits? SecurityContexts);

/// <summary>Feature entitlements of a platform. Each is null when the platform has no license for that feature.</summary>
public sealed record PlatformEntitlements(
    Entitlement? Standard,
    Entitlement? Context,
    Entitlement? Carrier,
    Entitlement? StrongEncryption,
    Entitlement? Reservation)
{
    /// <summary>A platform whose entitlements come from each model (the ASAv).</summary>
    public static PlatformEntitlements None { get; } = new(null, null, null, null, null);
}

/// <param name="Default">Contexts included with the Standard license (10 on Firepower).</param>
/// <param name="Maximum">Platform limit per unit, whatever context licenses add up to.</param>
/// <param name="Increment">Size of the step in which context licenses are sold.</param>
public sealed record SecurityContextLimits(int Default, int Maximum, int Increment);

/// <param name="Modules">Modules in a full chassis.</param>
/// <param name="FirewallConnections">Concurrent firewall connections of the whole chassis with that many modules.</param>
public sealed record ChassisConnectionLimit(int Modules, long FirewallConnections);

public enum FeatureAvailability
{
    /// <summary>The platform does not have the feature (the tables print "No Support").</summary>
    NotSupported,

    /// <summary>The Standard license includes the feature.</summary>
    Enabled,

    /// <summary>Disabled until an optional license for it is added.</summary>
    Optional,
}

public enum FailoverMode
{
    /// <summary>Active/Standby only.</summary>
    ActiveStandby,

    /// <summary>Active/Active as well as Active/Standby.</summary>
    ActiveActive,
}

public enum EncryptionLicensing
{
    /// <summary>Base encryption (DES) only.</summary>
    Base,

    /// <summary>
    /// Base encryption (DES) always, and Strong Encryption (3DES/AES) when the registration token allows
    /// export-controlled functionality or a permanent reservation is installed for a qualified account.
    /// </summary>
    ExportControlled,
}
