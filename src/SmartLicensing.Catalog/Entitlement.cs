namespace SmartLicensing.Catalog;

/// <summary>An entitlement: what a device requests and a license grants.</summary>
/// <param name="Tag">Full tag in the ISO/IEC 19770-2 form <c>regid.YYYY-MM.com.vendor.NAME,version_uuid</c>.</param>
/// <param name="ShortTag">Abbreviated tag devices print, for example <c>ASAv-STD-1G</c>.</param>
/// <param name="DisplayName">Name shown in usage output, for example <c>ASAv10 Standard - 1G</c>.</param>
public sealed record Entitlement(string Tag, string ShortTag, string DisplayName)
{
    /// <summary>Source or caveat of catalog data that does not come from the vendor's documentation, or null.</summary>
    public string? Note { get; init; }
}
