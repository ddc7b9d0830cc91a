using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using SmartLicensing.Server.DeviceEndpoint;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Registration;

/// <summary>
/// Registers a device: checks the proof of key possession and the token, issues the ID
/// certificate and stores the product instance, counting the token use in the same save.
/// </summary>
internal sealed class DeviceRegistrar(
    LicensingDbContext db,
    ServerCredentials credentials,
    RegistrationTokenValidator tokens,
    ILogger<DeviceRegistrar> logger)
{
    public async Task<DeviceResult> RegisterAsync(DeviceMessage message, RegisterRequest request, CancellationToken cancellationToken)
    {
        var publicKey = ReadHeaderKey(message);
        if (publicKey is null)
        {
            return DeviceResult.Malformed("a register message carries the device's Ed25519 public key as an OKP jwk in the JWS header");
        }

        if (!message.Jws.Verify(publicKey))
        {
            return DeviceResult.Reject(FailureReasons.SignatureInvalid);
        }

        var now = message.ReceivedAt;
        var check = await tokens.CheckAsync(request.Token, now, cancellationToken);
        if (check.Failure is not null || check.Record is null)
        {
            return DeviceResult.Reject(check.Failure ?? FailureReasons.TokenUnknown, check.Record?.VirtualAccountId);
        }

        var token = check.Record;
        var instance = await db.ProductInstances
            .Include(p => p.Entitlements)
            .SingleOrDefaultAsync(p => p.Udi == message.UdiText, cancellationToken);
        if (instance is not null && !request.Force)
        {
            return DeviceResult.Reject(FailureReasons.AlreadyRegistered, instance.VirtualAccountId);
        }

        var virtualAccount = await db.VirtualAccounts.SingleAsync(v => v.Id == token.VirtualAccountId, cancellationToken);
        var smartAccount = await db.SmartAccounts.SingleAsync(s => s.Id == virtualAccount.SmartAccountId, cancellationToken);
        var certificate = credentials.IssueIdCertificate(message.Udi, publicKey, now);
        var tokenLabel = token.Id.ToString("N")[..8];

        var reregistered = instance is not null;
        if (instance is null)
        {
            instance = new ProductInstance
            {
                Id = Guid.NewGuid(),
                VirtualAccountId = token.VirtualAccountId,
                Udi = message.UdiText,
                ProductId = message.Udi.ProductId,
                SerialNumber = message.Udi.SerialNumber,
                PublicKey = publicKey,
                CertificateSerial = certificate.Serial,
                RegisteredAt = now,
            };
            db.ProductInstances.Add(instance);
            EventLog.Add(db, now, token.VirtualAccountId, message.UdiText, EventCategories.Device,
                $"Product instance {message.UdiText} registered with token {tokenLabel}");
        }
        else
        {
            var previousAccountId = instance.VirtualAccountId;
            await EntitlementUsage.MoveAsync(db, instance, token.VirtualAccountId, cancellationToken);
            if (previousAccountId != token.VirtualAccountId)
            {
                EventLog.Add(db, now, previousAccountId, message.UdiText, EventCategories.Device,
                    $"Product instance {message.UdiText} moved to virtual account {virtualAccount.Name} by a forced registration");
            }

            EventLog.Add(db, now, token.VirtualAccountId, message.UdiText, EventCategories.Device,
                $"Product instance {message.UdiText} registered again (force) with token {tokenLabel}; its previous ID certificate {instance.CertificateSerial} is no longer accepted");
        }

        instance.ProductName = request.ProductName ?? instance.ProductName;
        instance.ProductVersion = request.ProductVersion ?? instance.ProductVersion;
        instance.PublicKey = publicKey;
        instance.CertificateSerial = certificate.Serial;
        instance.CertificateNotBefore = certificate.NotBefore;
        instance.CertificateNotAfter = certificate.NotAfter;
        instance.RegisteredAt = now;
        instance.LastContactAt = now;
        instance.ExportControlledAllowed = token.ExportControlled && smartAccount.ExportControlledQualified;
        instance.RegisteredWithTokenId = token.Id;
        instance.Version = Guid.NewGuid();

        token.Uses++;
        token.Version = Guid.NewGuid();

        await db.SaveChangesAsync(cancellationToken);

        if (reregistered)
        {
            DeviceEndpointLog.Reregistered(logger, message.UdiText, token.VirtualAccountId, certificate.Serial);
        }
        else
        {
            DeviceEndpointLog.Registered(logger, message.UdiText, token.VirtualAccountId, certificate.Serial);
        }

        return DeviceResult.Success(new RegisterResponse
        {
            RequestNonce = request.Nonce,
            IssuedAt = now,
            Certificate = certificate.ToMessage(),
            SmartAccount = smartAccount.Name,
            VirtualAccount = virtualAccount.Name,
            ExportControlledAllowed = instance.ExportControlledAllowed,
        });
    }

    private static byte[]? ReadHeaderKey(DeviceMessage message)
    {
        var jwk = message.Jws.Header.Key;
        if (jwk is null
            || !string.Equals(jwk.KeyType, "OKP", StringComparison.Ordinal)
            || !string.Equals(jwk.Curve, "Ed25519", StringComparison.Ordinal)
            || !Base64Url.TryDecode(jwk.X, out var key)
            || key.Length != Ed25519Keys.PublicKeySize)
        {
            return null;
        }

        return key;
    }
}
