namespace SmartLicensing.Catalog;

/// <summary>
/// Products, license PIDs and entitlement tags, as data. Built from a validated
/// <see cref="CatalogDocument"/>; look-ups are by PID, full tag or short tag.
/// </summary>
public sealed class ProductCatalog
{
    private readonly Dictionary<string, Entitlement> _byTag;
    private readonly Dictionary<string, Entitlement> _byShortTag;
    private readonly Dictionary<string, LicenseSku> _byPid;

    internal ProductCatalog(string name, IReadOnlyList<Entitlement> entitlements, IReadOnlyList<LicenseSku> licenses, IReadOnlyList<AsavModel> asavModels)
    {
        Name = name;
        Entitlements = entitlements;
        Licenses = licenses;
        AsavModels = asavModels;
        _byTag = entitlements.ToDictionary(e => e.Tag, StringComparer.Ordinal);
        _byShortTag = entitlements.ToDictionary(e => e.ShortTag, StringComparer.OrdinalIgnoreCase);
        _byPid = licenses.ToDictionary(l => l.Pid, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public IReadOnlyList<Entitlement> Entitlements { get; }

    public IReadOnlyList<LicenseSku> Licenses { get; }

    /// <summary>ASAv models in ascending order of throughput.</summary>
    public IReadOnlyList<AsavModel> AsavModels { get; }

    /// <summary>Finds an entitlement by its full tag (<c>regid...</c>); null when unknown.</summary>
    public Entitlement? FindByTag(string tag) => _byTag.GetValueOrDefault(tag);

    /// <summary>Finds an entitlement by its short tag (<c>ASAv-STD-1G</c>), ignoring case; null when unknown.</summary>
    public Entitlement? FindByShortTag(string shortTag) => _byShortTag.GetValueOrDefault(shortTag);

    /// <summary>Finds a license by PID, ignoring case; null when unknown.</summary>
    public LicenseSku? FindLicense(string pid) => _byPid.GetValueOrDefault(pid);

    /// <summary>Finds an ASAv model by name (<c>ASAv10</c>), ignoring case; null when unknown.</summary>
    public AsavModel? FindAsavModel(string model) =>
        AsavModels.FirstOrDefault(m => string.Equals(m.Model, model, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds the ASAv model licensed by a throughput level (<c>1G</c>), ignoring case; null when unknown.</summary>
    public AsavModel? FindAsavModelByThroughput(string level) =>
        AsavModels.FirstOrDefault(m => string.Equals(m.ThroughputLevel, level, StringComparison.OrdinalIgnoreCase));
}

/// <summary>An entitlement: what a device requests and a license grants.</summary>
/// <param name="Tag">Full tag in the ISO/IEC 19770-2 form <c>regid.YYYY-MM.com.vendor.NAME,version_uuid</c>.</param>
/// <param name="ShortTag">Abbreviated tag devices print, for example <c>ASAv-STD-1G</c>.</param>
/// <param name="DisplayName">Name shown in usage output, for example <c>ASAv10 Standard - 1G</c>.</param>
public sealed record Entitlement(string Tag, string ShortTag, string DisplayName);

/// <summary>A license product id (PID) as it appears on an order.</summary>
/// <param name="Pid">Product id, for example <c>L-ASAV10S-K9=</c>.</param>
/// <param name="Description">Name shown in license lists.</param>
/// <param name="Kind">Regular (smart) license or reservation license.</param>
/// <param name="Grants">Entitlements and counts one unit of this PID grants.</param>
public sealed record LicenseSku(string Pid, string Description, LicenseKind Kind, IReadOnlyList<LicenseGrant> Grants);

/// <param name="Entitlement">Entitlement granted.</param>
/// <param name="Count">How many of it one unit of the PID grants (a 10-context PID grants 10).</param>
public sealed record LicenseGrant(Entitlement Entitlement, int Count);

public enum LicenseKind
{
    Regular,
    Reservation,
}

/// <summary>An ASAv model: its sizing, the throughput level that licenses it, and its limits.</summary>
public sealed record AsavModel(
    string Model,
    int Vcpus,
    int MemoryMb,
    string ThroughputLevel,
    string ThroughputText,
    Entitlement Standard,
    Entitlement Reservation,
    long FirewallConnections,
    int TlsProxySessions,
    int AnyConnectPeers,
    int OtherVpnPeers,
    int TotalVpnPeers,
    int Vlans);
