using SmartLicensing.Catalog;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// Export control of entitlements. A platform's Strong Encryption entitlement enables
/// export-controlled functionality, so only a product instance registered with export
/// permission may hold it. Any other instance gets NOT_AUTHORIZED for it and uses no license.
/// </summary>
internal static class ExportControl
{
    /// <summary>Whether <paramref name="entitlement"/> is the Strong Encryption entitlement of a platform in <paramref name="catalog"/>.</summary>
    public static bool IsStrongEncryption(ProductCatalog catalog, Entitlement entitlement)
    {
        foreach (var platform in catalog.Platforms)
        {
            if (platform.Entitlements.StrongEncryption is { } strong && string.Equals(strong.Tag, entitlement.Tag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="entitlement"/> is rejected for an instance without export permission.</summary>
    public static bool Rejects(ProductCatalog catalog, Entitlement entitlement, bool exportControlledAllowed) =>
        !exportControlledAllowed && IsStrongEncryption(catalog, entitlement);
}
