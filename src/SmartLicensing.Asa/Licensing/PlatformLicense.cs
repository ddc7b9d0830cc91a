using SmartLicensing.Agent;
using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Licensing;

/// <summary>
/// The licensed state of the ASAv platform, as <c>show license features</c> and <c>show version</c> print it.
/// </summary>
/// <param name="Licensed">Whether the platform runs licensed (full throughput and limits).</param>
/// <param name="ActiveEntitlement">Short tag of the configured entitlement, or null when tier or level is missing.</param>
/// <param name="EnforceMode">Enforcement words for the active entitlement, or null without one.</param>
/// <param name="ThroughputLimit">Throughput limit text, for example <c>100 Kbps</c>.</param>
/// <param name="MemoryOverLimit">Whether the VM has more memory than the entitlement permits.</param>
/// <param name="LimitsModel">Model whose limits apply when licensed.</param>
/// <param name="StrongEncryption">Whether 3DES/AES is enabled.</param>
internal sealed record PlatformLicense(
    bool Licensed,
    string? ActiveEntitlement,
    string? EnforceMode,
    string ThroughputLimit,
    bool MemoryOverLimit,
    AsavModel LimitsModel,
    bool StrongEncryption)
{
    /// <summary>Throughput of an ASAv without a license: it has no evaluation mode, only this rate limit.</summary>
    public const string UnlicensedThroughput = "100 Kbps";

    public static PlatformLicense Evaluate(RunningConfig config, AsaPlatform platform, AgentState agent, ProductCatalog catalog)
    {
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
            return new PlatformLicense(false, null, null, UnlicensedThroughput, memoryOverLimit, platform.Model, agent.ExportAuthorized);
        }

        var registered = agent.Registration == RegistrationStatus.Registered;
        var enforceMode = !registered
            ? "Eval period"
            : agent.Authorization switch
            {
                AuthorizationStatus.Authorized => "Authorized",
                AuthorizationStatus.OutOfCompliance => "Out of compliance",
                AuthorizationStatus.AuthorizationExpired => "Authorization expired",
                AuthorizationStatus.InvalidTag => "Invalid tag",
                AuthorizationStatus.NotAuthorized => "Not authorized",
                _ => "Eval period",
            };

        // Out of compliance does not limit an ASAv that was authorized before; it keeps running licensed.
        var licensed = registered
            && (agent.Authorization == AuthorizationStatus.Authorized
                || (agent.Authorization == AuthorizationStatus.OutOfCompliance && agent.AuthorizedAt is not null));

        return new PlatformLicense(
            licensed,
            entitlement.ShortTag,
            enforceMode,
            licensed ? entitledModel.ThroughputText : UnlicensedThroughput,
            memoryOverLimit,
            entitledModel,
            agent.ExportAuthorized);
    }
}
