using Microsoft.EntityFrameworkCore;
using SmartLicensing.Protocol;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.DeviceEndpoint;

/// <summary>
/// Finds the product instance whose ID certificate serial is the message's <c>kid</c> and checks
/// the message against it. The server issued the certificate and stored the key, so no chain is
/// built: the stored key verifies the signature and the stored dates decide expiry.
/// </summary>
internal sealed class DeviceAuthenticator(LicensingDbContext db)
{
    public async Task<(ProductInstance? Instance, DeviceResult? Rejection)> AuthenticateAsync(DeviceMessage message, CancellationToken cancellationToken)
    {
        var serial = message.Jws.Header.KeyId;
        if (string.IsNullOrWhiteSpace(serial))
        {
            return (null, DeviceResult.Malformed("the JWS header has no kid; every message but register names the ID certificate serial there"));
        }

        serial = serial.Trim().ToUpperInvariant();
        var instance = await db.ProductInstances
            .Include(p => p.Entitlements)
            .SingleOrDefaultAsync(p => p.CertificateSerial == serial, cancellationToken);
        if (instance is null)
        {
            // A device removed in the portal must learn that it is no longer registered; a known
            // UDI with another serial means its certificate was replaced.
            var udiKnown = await db.ProductInstances.AnyAsync(p => p.Udi == message.UdiText, cancellationToken);
            return (null, DeviceResult.Reject(udiKnown ? FailureReasons.UnknownCertificate : FailureReasons.NotRegistered));
        }

        if (!message.Jws.Verify(instance.PublicKey))
        {
            return (null, DeviceResult.Reject(FailureReasons.SignatureInvalid, instance.VirtualAccountId));
        }

        if (!string.Equals(instance.Udi, message.UdiText, StringComparison.Ordinal))
        {
            return (null, DeviceResult.Reject(
                FailureReasons.UdiMismatch.WithMessage($"{FailureReasons.UdiMismatch.Message} The certificate belongs to {instance.Udi}."),
                instance.VirtualAccountId));
        }

        if (message.ReceivedAt > instance.CertificateNotAfter)
        {
            return (null, DeviceResult.Reject(FailureReasons.CertificateExpired, instance.VirtualAccountId));
        }

        return (instance, null);
    }
}
