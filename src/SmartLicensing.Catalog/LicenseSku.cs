namespace SmartLicensing.Catalog;

/// <summary>A license product id (PID) as it appears on an order.</summary>
/// <param name="Pid">Product id, for example <c>L-ASAV10S-K9=</c>.</param>
/// <param name="Description">Name shown in license lists and in reservation shortage messages, for example <c>Firepower 4100 ASA PERM UNIV</c>.</param>
/// <param name="Kind">Regular (smart) license or reservation license.</param>
/// <param name="Grants">Entitlements and counts one unit of this PID grants.</param>
public sealed record LicenseSku(string Pid, string Description, LicenseKind Kind, IReadOnlyList<LicenseGrant> Grants)
{
    /// <summary>Export class. Unless the catalog sets it, it comes from the PID suffix (<c>-K8=</c>, <c>-K9=</c>).</summary>
    public ExportClass ExportClass { get; init; } = ExportClassOf(Pid);

    /// <summary>Platform the PID is sold for, or null when the catalog names none.</summary>
    public ProductPlatform? Platform { get; init; }

    /// <summary>Source or caveat of catalog data that does not come from the vendor's documentation, or null.</summary>
    public string? Note { get; init; }

    /// <summary>Reads the export class from a PID suffix: <c>L-ASAV10S-K9=</c> is K9, a PID with neither suffix is <see cref="ExportClass.None"/>.</summary>
    public static ExportClass ExportClassOf(string pid)
    {
        ArgumentNullException.ThrowIfNull(pid);

        var name = pid.TrimEnd('=');
        if (name.EndsWith("-K8", StringComparison.OrdinalIgnoreCase))
        {
            return ExportClass.K8;
        }

        return name.EndsWith("-K9", StringComparison.OrdinalIgnoreCase) ? ExportClass.K9 : ExportClass.None;
    }
}

/// <param name="Entitlement">Entitlement granted.</param>
/// <param name="Count">How many of it one unit of the PID grants (a 10-context PID grants 10).</param>
public sealed record LicenseGrant(Entitlement Entitlement, int Count);

public enum LicenseKind
{
    Regular,
    Reservation,
}

/// <summary>
/// Export class of a PID. K8 is not restricted for export but caps TLS proxy and SRTP sessions
/// (see <see cref="K8Limits"/>). K9 is restricted for export and allows up to the model limit.
/// </summary>
public enum ExportClass
{
    /// <summary>The PID has no K8 or K9 suffix, so no export-class rule applies.</summary>
    None,
    K8,
    K9,
}
