namespace SmartLicensing.Server.Accounts;

/// <summary>The smart account as the Admin API returns it.</summary>
public sealed record AccountView(string Name, bool ExportControlledQualified, bool ReservationEnabled, string? DefaultVirtualAccount);

/// <summary>A virtual account with counts of what it holds.</summary>
/// <remarks><c>Licenses</c>: Number of distinct entitlements with purchased licenses.</remarks>
public sealed record VirtualAccountView(
    string Name,
    string? Description,
    bool IsDefault,
    DateTimeOffset CreatedAt,
    int ProductInstances,
    int Licenses);

public sealed record CreateVirtualAccountRequest(string? Name, string? Description);

/// <summary>Changes to a virtual account; a null member is left as it is.</summary>
public sealed record UpdateVirtualAccountRequest(string? Name, string? Description);
