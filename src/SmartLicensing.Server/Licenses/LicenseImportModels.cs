namespace SmartLicensing.Server.Licenses;

/// <summary>One checked line of a license import.</summary>
/// <remarks><c>LineNumber</c>: 1-based line in the CSV file, or 1-based position in the JSON <c>lines</c> array.</remarks>
/// <remarks><c>ExpiresAt</c>: End of a term license; null for a perpetual one.</remarks>
public sealed record LicenseImportLine(int LineNumber, string Pid, int Quantity, DateTimeOffset? ExpiresAt);

/// <summary>JSON body of a license import.</summary>
public sealed record LicenseImportRequest(string? OrderReference, IReadOnlyList<LicenseImportRequestLine?>? Lines);

/// <remarks><c>Expires</c>: Date <c>yyyy-MM-dd</c> (the end of that day, UTC) or an ISO-8601 time; null for a perpetual license.</remarks>
public sealed record LicenseImportRequestLine(string? Pid, long? Quantity, string? Expires);

public sealed record LicenseImportResult(Guid ImportId, IReadOnlyList<LicenseImportResultLine> Lines);

public sealed record LicenseImportResultLine(string Pid, int Quantity, DateTimeOffset? Expires, IReadOnlyList<GrantedEntitlement> Entitlements);

/// <remarks><c>Count</c>: Entitlements this line added: quantity times the PID's grant.</remarks>
public sealed record GrantedEntitlement(string Tag, string ShortTag, string Name, int Count);

/// <summary>One entitlement in one virtual account: purchased, in use and balance.</summary>
/// <remarks><c>Balance</c>: Purchased minus in use; negative while the virtual account uses more than it bought.</remarks>
/// <remarks><c>Expires</c>: Earliest end of a term license that grants this entitlement; null when all are perpetual. When <c>Expired</c>, the end of the last term that ended.</remarks>
/// <remarks><c>Expired</c>: Every purchase of this entitlement was a term license and every term has ended.</remarks>
public sealed record LicenseView(
    string VirtualAccount,
    string Tag,
    string ShortTag,
    string Name,
    int Purchased,
    int InUse,
    int Balance,
    DateTimeOffset? Expires,
    bool Expired = false);
