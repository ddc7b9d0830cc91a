using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Server.Devices;

/// <summary>A registered product instance as the Admin API returns it.</summary>
/// <remarks><c>Reserved</c>: The instance holds a permanent license reservation; removing it needs the device's return code.</remarks>
public sealed record ProductInstanceView(
    Guid Id,
    string Udi,
    string? ProductName,
    string VirtualAccount,
    DateTimeOffset RegisteredAt,
    DateTimeOffset LastContactAt,
    bool ExportControlledAllowed,
    IReadOnlyList<ProductInstanceEntitlementView> Entitlements,
    bool Reserved = false);

/// <remarks><c>Status</c>: Status the device was last given for this entitlement.</remarks>
public sealed record ProductInstanceEntitlementView(string Tag, string ShortTag, string Name, int Count, EntitlementStatus Status);
