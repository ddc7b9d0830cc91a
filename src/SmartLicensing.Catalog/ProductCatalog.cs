namespace SmartLicensing.Catalog;

/// <summary>
/// Products, license PIDs, entitlement tags, platforms and per-model limits, as data. Built from a
/// catalog file that <see cref="CatalogLoader"/> has validated; look-ups are by PID, full tag,
/// short tag, platform id or model name.
/// </summary>
public sealed class ProductCatalog
{
    private readonly Dictionary<string, Entitlement> _byTag;
    private readonly Dictionary<string, Entitlement> _byShortTag;
    private readonly Dictionary<string, LicenseSku> _byPid;
    private readonly Dictionary<string, IAsaModel> _byModel;

    internal ProductCatalog(CatalogContent content)
    {
        Name = content.Name;
        K8Limits = content.K8Limits;
        Platforms = content.Platforms;
        Entitlements = content.Entitlements;
        Licenses = content.Licenses;
        AsavModels = content.AsavModels;
        FirepowerModels = content.FirepowerModels;
        Models = [.. content.AsavModels, .. content.FirepowerModels];
        _byTag = Entitlements.ToDictionary(e => e.Tag, StringComparer.Ordinal);
        _byShortTag = Entitlements.ToDictionary(e => e.ShortTag, StringComparer.OrdinalIgnoreCase);
        _byPid = Licenses.ToDictionary(l => l.Pid, StringComparer.OrdinalIgnoreCase);
        _byModel = Models.ToDictionary(m => m.Model, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    /// <summary>TLS proxy and SRTP caps for K8 PIDs, or null when the catalog sets none.</summary>
    public K8Limits? K8Limits { get; }

    public IReadOnlyList<ProductPlatform> Platforms { get; }

    public IReadOnlyList<Entitlement> Entitlements { get; }

    public IReadOnlyList<LicenseSku> Licenses { get; }

    /// <summary>ASAv models in ascending order of throughput.</summary>
    public IReadOnlyList<AsavModel> AsavModels { get; }

    /// <summary>Firepower 4100 models and Firepower 9300 security modules, in catalog order.</summary>
    public IReadOnlyList<FirepowerModel> FirepowerModels { get; }

    /// <summary>Every model: the ASAv models, then the Firepower models.</summary>
    public IReadOnlyList<IAsaModel> Models { get; }

    /// <summary>Finds an entitlement by its full tag (<c>regid...</c>); null when unknown.</summary>
    public Entitlement? FindByTag(string tag) => _byTag.GetValueOrDefault(tag);

    /// <summary>Finds an entitlement by its short tag (<c>ASAv-STD-1G</c>), ignoring case; null when unknown.</summary>
    public Entitlement? FindByShortTag(string shortTag) => _byShortTag.GetValueOrDefault(shortTag);

    /// <summary>Finds a license by PID, ignoring case; null when unknown.</summary>
    public LicenseSku? FindLicense(string pid) => _byPid.GetValueOrDefault(pid);

    /// <summary>Finds the licenses that grant an entitlement, in catalog order.</summary>
    public IReadOnlyList<LicenseSku> FindLicensesGranting(Entitlement entitlement) =>
        [.. Licenses.Where(l => l.Grants.Any(g => g.Entitlement == entitlement))];

    /// <summary>Finds the licenses sold for a platform (<c>fpr9300</c>), ignoring case, in catalog order.</summary>
    public IReadOnlyList<LicenseSku> FindLicensesForPlatform(string platformId) =>
        [.. Licenses.Where(l => l.Platform is { } p && string.Equals(p.Id, platformId, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Finds a platform by id (<c>fpr4100</c>) or name (<c>Firepower 4100</c>), ignoring case; null when unknown.</summary>
    public ProductPlatform? FindPlatform(string idOrName) =>
        Platforms.FirstOrDefault(p =>
            string.Equals(p.Id, idOrName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds any model, ASAv or Firepower, by name, ignoring case; null when unknown.</summary>
    public IAsaModel? FindModel(string model) => _byModel.GetValueOrDefault(model);

    /// <summary>Finds an ASAv model by name (<c>ASAv10</c>), ignoring case; null when unknown.</summary>
    public AsavModel? FindAsavModel(string model) => FindModel(model) as AsavModel;

    /// <summary>Finds a Firepower model by name (<c>Firepower 4110</c>, <c>Firepower 9300 SM-24</c>), ignoring case; null when unknown.</summary>
    public FirepowerModel? FindFirepowerModel(string model) => FindModel(model) as FirepowerModel;

    /// <summary>Finds the ASAv model licensed by a throughput level (<c>1G</c>), ignoring case; null when unknown.</summary>
    public AsavModel? FindAsavModelByThroughput(string level) =>
        AsavModels.FirstOrDefault(m => string.Equals(m.ThroughputLevel, level, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Finds the Standard entitlement a model requests: the throughput tier of an ASAv model, or
    /// the Standard entitlement of a Firepower model's platform. Null when the model is unknown.
    /// </summary>
    public Entitlement? FindStandardEntitlement(string model) => FindModel(model) switch
    {
        AsavModel asav => asav.Standard,
        { } other => other.Platform.Entitlements.Standard,
        null => null,
    };

    /// <summary>
    /// Finds the permanent license reservation entitlement of a model: per model on the ASAv, per
    /// platform on Firepower. Null when the model is unknown or has no permanent license reservation.
    /// </summary>
    public Entitlement? FindReservationEntitlement(string model) => FindModel(model) switch
    {
        AsavModel asav => asav.Reservation,
        { } other => other.Platform.Entitlements.Reservation,
        null => null,
    };
}
