namespace SmartLicensing.Catalog;

/// <summary>The validated sections of a catalog file, handed from the loader to <see cref="ProductCatalog"/>.</summary>
internal sealed record CatalogContent(
    string Name,
    K8Limits? K8Limits,
    IReadOnlyList<ProductPlatform> Platforms,
    IReadOnlyList<Entitlement> Entitlements,
    IReadOnlyList<LicenseSku> Licenses,
    IReadOnlyList<AsavModel> AsavModels,
    IReadOnlyList<FirepowerModel> FirepowerModels);
