using Microsoft.Extensions.Logging;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Server.DeviceEndpoint;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Devices;

/// <summary>Removes a product instance at its own request and gives its licenses back to the virtual account.</summary>
internal sealed class DeviceDeregistrar(LicensingDbContext db, ILogger<DeviceDeregistrar> logger)
{
    public async Task<DeviceResult> DeregisterAsync(DeviceMessage message, ProductInstance instance, DeregisterRequest request, CancellationToken cancellationToken)
    {
        var now = message.ReceivedAt;
        await EntitlementUsage.ReleaseAllAsync(db, instance, cancellationToken);
        db.ProductInstances.Remove(instance);
        EventLog.Add(db, now, instance.VirtualAccountId, instance.Udi, EventCategories.Device,
            $"Product instance {instance.Udi} deregistered itself; its licenses were released");

        await db.SaveChangesAsync(cancellationToken);
        DeviceEndpointLog.Deregistered(logger, instance.Udi);

        return DeviceResult.Success(new DeregisterResponse { RequestNonce = request.Nonce, IssuedAt = now });
    }
}
