using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartLicensing.Catalog;

/// <summary>Loads and validates catalog files; a bad file fails with the file, entry and field named.</summary>
public static partial class CatalogLoader
{
    private const string BuiltInResource = "SmartLicensing.Catalog.Data.asa.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<ProductCatalog> BuiltInCatalog = new(() =>
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"The built-in catalog resource '{BuiltInResource}' is missing from the assembly.");
        return Load(stream, "built-in ASA catalog");
    });

    /// <summary>The ASA catalog that ships with the product.</summary>
    public static ProductCatalog BuiltIn => BuiltInCatalog.Value;

    public static ProductCatalog LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads a catalog; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="CatalogException">The document is not valid JSON or breaks a rule.</exception>
    public static ProductCatalog Load(Stream stream, string source)
    {
        CatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CatalogDocument>(stream, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new CatalogException($"{source}: not valid catalog JSON at line {ex.LineNumber + 1}: {ex.Message}");
        }

        if (document is null)
        {
            throw new CatalogException($"{source}: the file is empty.");
        }

        return Build(document, source);
    }

    private static ProductCatalog Build(CatalogDocument document, string source)
    {
        var name = Required(document.Name, source, "catalog", "name");

        var entitlements = new List<Entitlement>();
        var entitlementEntries = document.Entitlements ?? throw Missing(source, "catalog", "entitlements");
        for (var i = 0; i < entitlementEntries.Count; i++)
        {
            var entry = entitlementEntries[i] ?? throw Missing(source, $"entitlements[{i}]", "entry");
            var where = $"entitlements[{i}]";
            var tag = Required(entry.Tag, source, where, "tag");
            if (!TagPattern().IsMatch(tag))
            {
                throw new CatalogException($"{source}: {where}: field 'tag' is '{tag}', not of the form regid.YYYY-MM.<domain>.<NAME>,<version>_<uuid>.");
            }

            var entitlement = new Entitlement(tag, Required(entry.ShortTag, source, where, "shortTag"), Required(entry.DisplayName, source, where, "displayName"));
            if (entitlements.Any(e => e.Tag == entitlement.Tag))
            {
                throw new CatalogException($"{source}: {where}: duplicate tag '{tag}'.");
            }

            if (entitlements.Any(e => string.Equals(e.ShortTag, entitlement.ShortTag, StringComparison.OrdinalIgnoreCase)))
            {
                throw new CatalogException($"{source}: {where}: duplicate shortTag '{entitlement.ShortTag}'.");
            }

            entitlements.Add(entitlement);
        }

        Entitlement ResolveShortTag(string? shortTag, string where, string field)
        {
            var value = Required(shortTag, source, where, field);
            return entitlements.FirstOrDefault(e => string.Equals(e.ShortTag, value, StringComparison.OrdinalIgnoreCase))
                ?? throw new CatalogException($"{source}: {where}: field '{field}' names unknown tag '{value}'; add it to 'entitlements' first.");
        }

        var licenses = new List<LicenseSku>();
        var licenseEntries = document.Licenses ?? throw Missing(source, "catalog", "licenses");
        for (var i = 0; i < licenseEntries.Count; i++)
        {
            var where = $"licenses[{i}]";
            var entry = licenseEntries[i] ?? throw Missing(source, where, "entry");
            var pid = Required(entry.Pid, source, where, "pid");
            where = $"licenses[{i}] ({pid})";
            if (licenses.Any(l => string.Equals(l.Pid, pid, StringComparison.OrdinalIgnoreCase)))
            {
                throw new CatalogException($"{source}: {where}: duplicate pid '{pid}'.");
            }

            var kind = Required(entry.Kind, source, where, "kind") switch
            {
                "regular" => LicenseKind.Regular,
                "reservation" => LicenseKind.Reservation,
                var other => throw new CatalogException($"{source}: {where}: field 'kind' is '{other}'; expected 'regular' or 'reservation'."),
            };

            var grantEntries = entry.Grants is { Count: > 0 } ? entry.Grants : throw Missing(source, where, "grants");
            var grants = new List<LicenseGrant>();
            for (var g = 0; g < grantEntries.Count; g++)
            {
                var grantWhere = $"{where} grants[{g}]";
                var grant = grantEntries[g] ?? throw Missing(source, grantWhere, "entry");
                var count = grant.Count ?? throw Missing(source, grantWhere, "count");
                if (count < 1)
                {
                    throw new CatalogException($"{source}: {grantWhere}: field 'count' is {count}; it must be 1 or more.");
                }

                grants.Add(new LicenseGrant(ResolveShortTag(grant.ShortTag, grantWhere, "shortTag"), count));
            }

            licenses.Add(new LicenseSku(pid, Required(entry.Description, source, where, "description"), kind, grants));
        }

        var models = new List<AsavModel>();
        foreach (var (entry, i) in (document.AsavModels ?? []).Select((e, i) => (e, i)))
        {
            var where = $"asavModels[{i}]";
            if (entry is null)
            {
                throw Missing(source, where, "entry");
            }

            var model = Required(entry.Model, source, where, "model");
            where = $"asavModels[{i}] ({model})";
            if (models.Any(m => string.Equals(m.Model, model, StringComparison.OrdinalIgnoreCase)))
            {
                throw new CatalogException($"{source}: {where}: duplicate model '{model}'.");
            }

            models.Add(new AsavModel(
                model,
                Positive(entry.Vcpus, source, where, "vcpus"),
                Positive(entry.MemoryMb, source, where, "memoryMb"),
                Required(entry.ThroughputLevel, source, where, "throughputLevel"),
                Required(entry.ThroughputText, source, where, "throughputText"),
                ResolveShortTag(entry.StandardShortTag, where, "standardShortTag"),
                ResolveShortTag(entry.ReservationShortTag, where, "reservationShortTag"),
                entry.FirewallConnections is > 0 ? entry.FirewallConnections.Value : throw Missing(source, where, "firewallConnections"),
                Positive(entry.TlsProxySessions, source, where, "tlsProxySessions"),
                Positive(entry.AnyConnectPeers, source, where, "anyConnectPeers"),
                Positive(entry.OtherVpnPeers, source, where, "otherVpnPeers"),
                Positive(entry.TotalVpnPeers, source, where, "totalVpnPeers"),
                Positive(entry.Vlans, source, where, "vlans")));
        }

        return new ProductCatalog(name, entitlements, licenses, models);
    }

    private static string Required(string? value, string source, string where, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(source, where, field) : value;

    private static int Positive(int? value, string source, string where, string field) => value switch
    {
        null => throw Missing(source, where, field),
        < 1 => throw new CatalogException($"{source}: {where}: field '{field}' is {value}; it must be 1 or more."),
        _ => value.Value,
    };

    private static CatalogException Missing(string source, string where, string field) =>
        new($"{source}: {where}: field '{field}' is missing or empty.");

    [GeneratedRegex(@"^regid\.\d{4}-\d{2}\.[A-Za-z0-9.-]+\.[A-Za-z0-9_.-]+,\d+\.\d+_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex TagPattern();
}

/// <summary>A catalog file that cannot be used; the message names the file, entry and field.</summary>
public sealed class CatalogException(string message) : Exception(message);
