using System.Text;
using Microsoft.Extensions.Logging;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using SmartLicensing.Server.DeviceEndpoint;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Devices;

/// <summary>
/// Issues a new ID certificate to a registered device, for its current key or for a new key the
/// device proves it holds. The old certificate serial stops working once the new one is stored.
/// </summary>
internal sealed class IdCertificateRenewer(LicensingDbContext db, ServerCredentials credentials, ILogger<IdCertificateRenewer> logger)
{
    public async Task<DeviceResult> RenewAsync(DeviceMessage message, ProductInstance instance, IdCertificateRenewalRequest request, CancellationToken cancellationToken)
    {
        var publicKey = instance.PublicKey;
        if (request.NewPublicKey is not null || request.NewKeyProof is not null)
        {
            if (!Base64Url.TryDecode(request.NewPublicKey, out var newKey) || newKey.Length != Ed25519Keys.PublicKeySize
                || !Base64Url.TryDecode(request.NewKeyProof, out var proof))
            {
                return DeviceResult.Malformed("a key change needs newPublicKey (32 bytes) and newKeyProof, both base64url");
            }

            if (!Ed25519Keys.Verify(newKey, Encoding.UTF8.GetBytes(request.Nonce), proof))
            {
                return DeviceResult.Reject(
                    FailureReasons.SignatureInvalid.WithMessage("The new key's proof (its signature over the nonce) does not verify."),
                    instance.VirtualAccountId);
            }

            publicKey = newKey;
        }

        var now = message.ReceivedAt;
        var certificate = credentials.IssueIdCertificate(message.Udi, publicKey, now);
        var keyChanged = !publicKey.AsSpan().SequenceEqual(instance.PublicKey);
        EventLog.Add(db, now, instance.VirtualAccountId, instance.Udi, EventCategories.Device,
            $"Product instance {instance.Udi} renewed its ID certificate{(keyChanged ? " with a new key" : "")}: serial {certificate.Serial} replaces {instance.CertificateSerial}");

        instance.PublicKey = publicKey;
        instance.CertificateSerial = certificate.Serial;
        instance.CertificateNotBefore = certificate.NotBefore;
        instance.CertificateNotAfter = certificate.NotAfter;
        instance.LastContactAt = now;
        instance.Version = Guid.NewGuid();

        await db.SaveChangesAsync(cancellationToken);
        DeviceEndpointLog.IdCertificateRenewed(logger, instance.Udi, certificate.Serial);

        return DeviceResult.Success(new IdCertificateResponse
        {
            RequestNonce = request.Nonce,
            IssuedAt = now,
            Certificate = certificate.ToMessage(),
        });
    }
}
