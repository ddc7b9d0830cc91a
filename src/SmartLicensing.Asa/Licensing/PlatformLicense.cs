using System.Globalization;
using SmartLicensing.Agent;
using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Licensing;

/// <summary>
/// The licensed state of the platform, as <c>show license features</c> and <c>show version</c> print it
/// and as the feature gates and session limits apply it.
/// </summary>
/// <param name="Licensed">Whether the platform runs licensed (full throughput and limits).</param>
/// <param name="ActiveEntitlement">Short tag of the configured entitlement, or null when tier or level is missing.</param>
/// <param name="EnforceMode">Enforcement words for the active entitlement, or null without one.</param>
/// <param name="ThroughputLimit">Throughput limit text, for example <c>100 Kbps</c>; <c>Unlimited</c> on Firepower.</param>
/// <param name="MemoryOverLimit">Whether the VM has more memory than the entitlement permits.</param>
/// <param name="LimitsModel">Model whose limits apply.</param>
/// <param name="StrongEncryption">Whether 3DES/AES is enabled.</param>
internal sealed record PlatformLicense(
    bool Licensed,
    string? ActiveEntitlement,
    string? EnforceMode,
    string ThroughputLimit,
    bool MemoryOverLimit,
    IAsaModel LimitsModel,
    bool StrongEncryption)
{
    /// <summary>Throughput of an ASAv without a license: it has no evaluation mode, only this rate limit.</summary>
    public const string UnlicensedThroughput = "100 Kbps";

    public const string UnlimitedThroughput = "Unlimited";

    /// <summary>AnyConnect Premium peers and TLS proxy sessions of an unlicensed ASAv.</summary>
    public const int UnlicensedSessions = 2;

    /// <summary>True for the ASA application on a Firepower chassis.</summary>
    public bool Firepower { get; init; }

    /// <summary>True in permanent license reservation mode (<c>license smart reservation</c>).</summary>
    public bool Reservation { get; init; }

    /// <summary>Carrier inspections (Diameter, GTP/GPRS, SCTP) allowed.</summary>
    public bool Carrier { get; init; }

    /// <summary>Security contexts allowed: none on the ASAv, 10 plus context licenses on Firepower.</summary>
    public int SecurityContexts { get; init; }

    /// <summary>Security contexts of a failover pair or cluster (Firepower): both units' Standard contexts plus context licenses, up to the platform limit.</summary>
    public int FailoverSecurityContexts { get; init; }

    /// <summary>K8 (export unrestricted, capped TLS proxy and SRTP sessions) or K9.</summary>
    public ExportClass ExportClass { get; init; } = ExportClass.K8;

    /// <summary>AnyConnect Premium peers: the model limit when licensed, otherwise 2.</summary>
    public int AnyConnectPeers => Licensed ? LimitsModel.AnyConnectPeers : UnlicensedSessions;

    /// <summary>TLS proxy sessions the license allows: the model limit (capped for K8) when licensed, otherwise 2.</summary>
    public int TlsProxySessions => Licensed ? CapForExport(LimitsModel.TlsProxySessions) : UnlicensedSessions;

    /// <summary>The highest value <c>tls-proxy maximum-sessions</c> takes: the model limit, capped for K8 licenses.</summary>
    public int TlsProxyMaximum => CapForExport(LimitsModel.TlsProxySessions);

    /// <summary>Throughput cap in Kbps, or null when there is none.</summary>
    public long? ThroughputKbps => ParseKbps(ThroughputLimit);

    private int CapForExport(int sessions) =>
        ExportClass == ExportClass.K9 || K8Caps is null ? sessions : Math.Min(sessions, K8Caps.TlsProxySessions);

    /// <summary>The catalog's K8 session caps, or null when it sets none.</summary>
    public K8Limits? K8Caps { get; init; }

    /// <summary>Evaluates with Strong Encryption as the agent state has it (for renderer tests and one-off views).</summary>
    public static PlatformLicense Evaluate(RunningConfig config, AsaPlatform platform, AgentState agent, ProductCatalog catalog) =>
        Evaluate(config, platform, agent, catalog, StrongEncryptionGranted(config, platform, agent));

    /// <summary>
    /// Whether the licensing gives Strong Encryption: the registration (see <see cref="StrongEncryptionGranted(AgentState)"/>),
    /// or on Firepower the configured <c>feature strong-encryption</c> entitlement once it is authorized.
    /// </summary>
    public static bool StrongEncryptionGranted(RunningConfig config, AsaPlatform platform, AgentState agent)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(platform);
        if (StrongEncryptionGranted(agent))
        {
            return true;
        }

        return platform.Firepower is { } firepower
            && config.LicenseSmart is { FeatureTierStandard: true, StrongEncryption: true }
            && Held(agent, firepower.Platform.Entitlements.StrongEncryption);
    }

    /// <summary>Whether the registration gives Strong Encryption: an export-controlled token, or an export authorization.</summary>
    public static bool StrongEncryptionGranted(AgentState agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.Registration == RegistrationStatus.Registered && (agent.ExportControlledAllowed || agent.ExportAuthorized);
    }

    public static PlatformLicense Evaluate(RunningConfig config, AsaPlatform platform, AgentState agent, ProductCatalog catalog, bool strongEncryption)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(catalog);
        return platform.Firepower is { } firepower
            ? EvaluateFirepower(config, firepower, agent, catalog, strongEncryption)
            : EvaluateAsav(config, platform, agent, catalog, strongEncryption);
    }

    private static PlatformLicense EvaluateAsav(RunningConfig config, AsaPlatform platform, AgentState agent, ProductCatalog catalog, bool strongEncryption)
    {
        if (config.LicenseReservation)
        {
            return ReservationLicense.Evaluate(platform, agent, catalog);
        }

        var entitlement = LicenseRequest.ActiveEntitlement(config, catalog);
        var entitledModel = config.LicenseSmart?.ThroughputLevel is { } level && entitlement is not null
            ? catalog.FindAsavModelByThroughput(level)
            : null;

        // The permitted memory is that of the entitled model; without an entitlement it is that
        // of the smallest model, which is why an unconfigured ASAv10 warns about its 2 GB.
        var permittedMemory = entitledModel?.MemoryMb ?? catalog.AsavModels[0].MemoryMb;
        var memoryOverLimit = platform.MemoryMb > permittedMemory;

        if (entitlement is null || entitledModel is null)
        {
            return new PlatformLicense(false, null, null, UnlicensedThroughput, memoryOverLimit, platform.Model, strongEncryption)
            {
                K8Caps = catalog.K8Limits,
            };
        }

        var registered = agent.Registration == RegistrationStatus.Registered;
        var enforceMode = !registered ? "Eval period" : EnforceWords(agent.Authorization);

        // Out of compliance does not limit an ASAv that was authorized before; it keeps running licensed.
        var licensed = registered
            && (agent.Authorization == AuthorizationStatus.Authorized
                || (agent.Authorization == AuthorizationStatus.OutOfCompliance && agent.AuthorizedAt is not null));

        var exportClass = licensed && catalog.FindLicensesGranting(entitlement).Any(l => l.ExportClass == ExportClass.K9)
            ? ExportClass.K9
            : ExportClass.K8;
        return new PlatformLicense(
            licensed,
            entitlement.ShortTag,
            enforceMode,
            licensed ? entitledModel.ThroughputText : UnlicensedThroughput,
            memoryOverLimit,
            entitledModel,
            strongEncryption)
        {
            Carrier = licensed,
            ExportClass = exportClass,
            K8Caps = catalog.K8Limits,
        };
    }

    /// <summary>
    /// The ASA application on Firepower always has the Standard defaults (evaluation before the
    /// chassis registers, and an out-of-compliance chassis keeps running). Optional features
    /// count once their entitlement has been authorized.
    /// </summary>
    private static PlatformLicense EvaluateFirepower(RunningConfig config, FirepowerModel model, AgentState agent, ProductCatalog catalog, bool strongEncryption)
    {
        var features = model.Platform.Features;
        var entitlements = model.Platform.Entitlements;
        var license = config.LicenseSmart;
        var registered = agent.Registration == RegistrationStatus.Registered;
        var tier = license?.FeatureTierStandard == true;
        var standard = entitlements.Standard;

        var carrier = tier && license!.Carrier && Held(agent, entitlements.Carrier);
        // Contexts beyond the included ones count only while the server authorizes them. An
        // out-of-compliance Context entitlement adds none, so no new context can be added.
        var contextLicenses = tier && license!.Contexts is { } contexts && Authorized(agent, entitlements.Context) ? contexts : 0;
        var limits = features.SecurityContexts;
        var defaultContexts = limits?.Default ?? 0;
        var maximumContexts = limits?.Maximum ?? 0;

        // Without the export token (older license servers), Strong Encryption comes from its own
        // entitlement. The caller decides when that takes effect (see StrongEncryptionGranted).
        var strong = strongEncryption;

        var enforceMode = !registered ? "Eval period" : tier ? EnforceWords(agent.Authorization) : null;
        return new PlatformLicense(true, tier ? standard?.ShortTag : null, enforceMode, UnlimitedThroughput, false, model, strong)
        {
            Firepower = true,
            Carrier = carrier,
            SecurityContexts = Math.Min(defaultContexts + contextLicenses, maximumContexts),
            FailoverSecurityContexts = Math.Min((2 * defaultContexts) + contextLicenses, maximumContexts),
            ExportClass = strong ? ExportClass.K9 : ExportClass.K8,
            K8Caps = catalog.K8Limits,
        };
    }

    /// <summary>Whether the agent holds the entitlement: authorized, or authorized before and now out of compliance.</summary>
    private static bool Held(AgentState agent, Entitlement? entitlement)
    {
        if (entitlement is null || agent.Registration != RegistrationStatus.Registered)
        {
            return false;
        }

        var state = agent.Entitlements.FirstOrDefault(e => e.Tag == entitlement.Tag);
        return state?.Status switch
        {
            EntitlementStatus.Authorized => true,
            EntitlementStatus.OutOfCompliance => agent.AuthorizedAt is not null,
            _ => false,
        };
    }

    /// <summary>Whether the server authorizes the entitlement now (not out of compliance).</summary>
    private static bool Authorized(AgentState agent, Entitlement? entitlement) =>
        entitlement is not null
        && agent.Registration == RegistrationStatus.Registered
        && agent.Entitlements.FirstOrDefault(e => e.Tag == entitlement.Tag)?.Status == EntitlementStatus.Authorized;

    private static string EnforceWords(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.Authorized => "Authorized",
        AuthorizationStatus.OutOfCompliance => "Out of compliance",
        AuthorizationStatus.AuthorizationExpired => "Authorization expired",
        AuthorizationStatus.InvalidTag => "Invalid tag",
        AuthorizationStatus.NotAuthorized => "Not authorized",
        _ => "Eval period",
    };

    /// <summary>Reads <c>100 Kbps</c>, <c>1 Gbps</c> or <c>2 Gbps</c> as Kbps; null for <c>Unlimited</c> or other text.</summary>
    public static long? ParseKbps(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var factor = parts[1].ToUpperInvariant() switch
        {
            "KBPS" => 1m,
            "MBPS" => 1000m,
            "GBPS" => 1_000_000m,
            _ => 0m,
        };
        return factor == 0m ? null : (long)(value * factor);
    }
}
