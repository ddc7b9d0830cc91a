using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Server.Devices;

/// <summary>An entitlement a product instance uses and the status it was last given.</summary>
public sealed class ProductInstanceEntitlement
{
    public Guid ProductInstanceId { get; set; }

    /// <summary>Full entitlement tag as the device requested it.</summary>
    public required string Tag { get; set; }

    public int Count { get; set; }

    public EntitlementStatus Status { get; set; }
}
