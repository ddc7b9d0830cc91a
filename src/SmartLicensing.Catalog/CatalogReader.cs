using System.Text.RegularExpressions;

namespace SmartLicensing.Catalog;

/// <summary>
/// Turns the JSON of a catalog file into catalog objects and checks the rules JSON cannot express:
/// unique keys, known references, consistent limits. Sections are read in dependency order:
/// entitlements, platforms, licenses, then models.
/// </summary>
internal sealed partial class CatalogReader
{
    private static readonly OrderedDictionary<string, LicenseKind> LicenseKinds = new(StringComparer.Ordinal)
    {
        ["regular"] = LicenseKind.Regular,
        ["reservation"] = LicenseKind.Reservation,
    };

    private static readonly OrderedDictionary<string, ExportClass> ExportClasses = new(StringComparer.Ordinal)
    {
        ["K8"] = ExportClass.K8,
        ["K9"] = ExportClass.K9,
        ["none"] = ExportClass.None,
    };

    private static readonly OrderedDictionary<string, FeatureAvailability> Availabilities = new(StringComparer.Ordinal)
    {
        ["enabled"] = FeatureAvailability.Enabled,
        ["optional"] = FeatureAvailability.Optional,
        ["not-supported"] = FeatureAvailability.NotSupported,
    };

    private static readonly OrderedDictionary<string, FailoverMode> FailoverModes = new(StringComparer.Ordinal)
    {
        ["active-standby"] = FailoverMode.ActiveStandby,
        ["active-active"] = FailoverMode.ActiveActive,
    };

    private static readonly OrderedDictionary<string, EncryptionLicensing> EncryptionModes = new(StringComparer.Ordinal)
    {
        ["base"] = EncryptionLicensing.Base,
        ["export-controlled"] = EncryptionLicensing.ExportControlled,
    };

    private readonly List<Entitlement> _entitlements = [];
    private readonly List<ProductPlatform> _platforms = [];
    private readonly List<LicenseSku> _licenses = [];
    private readonly List<AsavModel> _asavModels = [];
    private readonly List<FirepowerModel> _firepowerModels = [];
    private readonly HashSet<string> _modelNames = new(StringComparer.OrdinalIgnoreCase);

    private CatalogReader()
    {
    }

    public static CatalogContent Read(CatalogEntry root)
    {
        root.RejectUnknownFields("name", "note", "k8Limits", "platforms", "entitlements", "licenses", "asavModels", "firepowerModels");
        var name = root.RequiredString("name");
        var k8Limits = root.OptionalObject("k8Limits") is { } k8 ? ReadK8Limits(k8) : null;

        var reader = new CatalogReader();
        reader.ReadEntitlements(root.RequiredArray("entitlements"));
        reader.ReadPlatforms(root.OptionalArray("platforms") ?? []);
        reader.ReadLicenses(root.RequiredArray("licenses"));
        reader.ReadAsavModels(root.OptionalArray("asavModels") ?? []);
        reader.ReadFirepowerModels(root.OptionalArray("firepowerModels") ?? []);

        return new CatalogContent(name, k8Limits, reader._platforms, reader._entitlements, reader._licenses, reader._asavModels, reader._firepowerModels);
    }

    private static K8Limits ReadK8Limits(CatalogEntry entry)
    {
        entry.RejectUnknownFields("tlsProxySessions", "srtpSessions");
        return new K8Limits(entry.RequiredPositiveInt("tlsProxySessions"), entry.RequiredPositiveInt("srtpSessions"));
    }

    private void ReadEntitlements(IReadOnlyList<CatalogEntry> entries)
    {
        foreach (var item in entries)
        {
            var tag = item.RequiredString("tag");
            if (!TagPattern().IsMatch(tag))
            {
                throw item.Fail("tag", $"is '{tag}', not of the form regid.YYYY-MM.<domain>.<NAME>,<version>_<uuid>.");
            }

            var shortTag = item.RequiredString("shortTag");
            var entry = item.Named(shortTag);
            entry.RejectUnknownFields("tag", "shortTag", "displayName", "note");
            if (_entitlements.Any(e => e.Tag == tag))
            {
                throw entry.Fail($"duplicate tag '{tag}'.");
            }

            if (_entitlements.Any(e => string.Equals(e.ShortTag, shortTag, StringComparison.OrdinalIgnoreCase)))
            {
                throw entry.Fail($"duplicate shortTag '{shortTag}'.");
            }

            _entitlements.Add(new Entitlement(tag, shortTag, entry.RequiredString("displayName")) { Note = entry.OptionalString("note") });
        }
    }

    private void ReadPlatforms(IReadOnlyList<CatalogEntry> entries)
    {
        foreach (var item in entries)
        {
            var id = item.RequiredString("id");
            var entry = item.Named(id);
            entry.RejectUnknownFields("id", "name", "features", "entitlements", "note");
            var name = entry.RequiredString("name");
            if (_platforms.Any(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                throw entry.Fail($"duplicate id '{id}'.");
            }

            if (_platforms.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw entry.Fail($"duplicate name '{name}'.");
            }

            var features = ReadFeatures(entry.RequiredObject("features"));
            var entitlements = entry.OptionalObject("entitlements") is { } section ? ReadPlatformEntitlements(section) : PlatformEntitlements.None;
            _platforms.Add(new ProductPlatform(id, name, features, entitlements) { Note = entry.OptionalString("note") });
        }
    }

    private static PlatformFeatures ReadFeatures(CatalogEntry entry)
    {
        entry.RejectUnknownFields("botnetTrafficFilter", "carrier", "clustering", "failover", "encryption", "securityContexts");
        return new PlatformFeatures(
            entry.RequiredChoice("botnetTrafficFilter", Availabilities),
            entry.RequiredChoice("carrier", Availabilities),
            entry.RequiredChoice("clustering", Availabilities),
            entry.RequiredChoice("failover", FailoverModes),
            entry.RequiredChoice("encryption", EncryptionModes),
            ReadSecurityContexts(entry.RequiredObject("securityContexts")));
    }

    private static SecurityContextLimits? ReadSecurityContexts(CatalogEntry entry)
    {
        entry.RejectUnknownFields("supported", "default", "maximum", "increment");
        if (!entry.RequiredBool("supported"))
        {
            foreach (var field in new[] { "default", "maximum", "increment" })
            {
                if (entry.Has(field))
                {
                    throw entry.Fail(field, "is set, but 'supported' is false.");
                }
            }

            return null;
        }

        var defaultCount = entry.RequiredPositiveInt("default");
        var maximum = entry.RequiredPositiveInt("maximum");
        var increment = entry.RequiredPositiveInt("increment");
        if (defaultCount > maximum)
        {
            throw entry.Fail("default", $"is {defaultCount}; it must not exceed 'maximum' ({maximum}).");
        }

        if (increment > maximum)
        {
            throw entry.Fail("increment", $"is {increment}; it must not exceed 'maximum' ({maximum}).");
        }

        return new SecurityContextLimits(defaultCount, maximum, increment);
    }

    private PlatformEntitlements ReadPlatformEntitlements(CatalogEntry entry)
    {
        entry.RejectUnknownFields("standard", "context", "carrier", "strongEncryption", "reservation");
        return new PlatformEntitlements(
            ResolveOptionalTag(entry, "standard"),
            ResolveOptionalTag(entry, "context"),
            ResolveOptionalTag(entry, "carrier"),
            ResolveOptionalTag(entry, "strongEncryption"),
            ResolveOptionalTag(entry, "reservation"));
    }

    private void ReadLicenses(IReadOnlyList<CatalogEntry> entries)
    {
        foreach (var item in entries)
        {
            var pid = item.RequiredString("pid");
            var entry = item.Named(pid);
            entry.RejectUnknownFields("pid", "description", "kind", "platform", "exportClass", "grants", "note");
            if (_licenses.Any(l => string.Equals(l.Pid, pid, StringComparison.OrdinalIgnoreCase)))
            {
                throw entry.Fail($"duplicate pid '{pid}'.");
            }

            var kind = entry.RequiredChoice("kind", LicenseKinds);
            var grants = ReadGrants(entry);
            var platform = entry.OptionalString("platform") is { } platformId ? ResolvePlatform(entry, "platform", platformId) : null;
            _licenses.Add(new LicenseSku(pid, entry.RequiredString("description"), kind, grants)
            {
                ExportClass = ReadExportClass(entry, pid),
                Platform = platform,
                Note = entry.OptionalString("note"),
            });
        }
    }

    private List<LicenseGrant> ReadGrants(CatalogEntry license)
    {
        var entries = license.OptionalArray("grants") is { Count: > 0 } list ? list : throw license.Missing("grants");
        var grants = new List<LicenseGrant>();
        foreach (var entry in entries)
        {
            entry.RejectUnknownFields("shortTag", "count");
            var count = entry.RequiredPositiveInt("count");
            var entitlement = ResolveTag(entry, "shortTag");
            if (grants.Any(g => g.Entitlement == entitlement))
            {
                throw entry.Fail("shortTag", $"names '{entitlement.ShortTag}' a second time; give one grant per entitlement with the total count.");
            }

            grants.Add(new LicenseGrant(entitlement, count));
        }

        return grants;
    }

    /// <summary>Reads the export class, which must agree with a K8 or K9 PID suffix. Without the field, the suffix decides.</summary>
    private static ExportClass ReadExportClass(CatalogEntry entry, string pid)
    {
        var fromSuffix = LicenseSku.ExportClassOf(pid);
        if (entry.OptionalChoice("exportClass", ExportClasses) is not { } declared)
        {
            return fromSuffix;
        }

        if (fromSuffix != ExportClass.None && declared != fromSuffix)
        {
            throw entry.Fail("exportClass", $"is '{entry.OptionalString("exportClass")}', but the PID ends in {fromSuffix}; set it to '{fromSuffix}' or remove it.");
        }

        return declared;
    }

    private Entitlement ResolveTag(CatalogEntry entry, string field) =>
        ResolveOptionalTag(entry, field) ?? throw entry.Missing(field);

    private Entitlement? ResolveOptionalTag(CatalogEntry entry, string field)
    {
        if (entry.OptionalString(field) is not { } shortTag)
        {
            return null;
        }

        return _entitlements.FirstOrDefault(e => string.Equals(e.ShortTag, shortTag, StringComparison.OrdinalIgnoreCase))
            ?? throw entry.Fail(field, $"names unknown tag '{shortTag}'; add it to 'entitlements' first.");
    }

    private ProductPlatform ResolvePlatform(CatalogEntry entry, string field, string id) =>
        _platforms.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw entry.Fail(field, $"names unknown platform '{id}'; add it to 'platforms' first.");

    [GeneratedRegex(@"^regid\.\d{4}-\d{2}\.[A-Za-z0-9.-]+\.[A-Za-z0-9_.-]+,\d+\.\d+_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex TagPattern();
}
