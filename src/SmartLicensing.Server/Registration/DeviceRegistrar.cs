using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using SmartLicensing.Server.Authorization;
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
    HotPathDatabase writers,
    GroupCommitter committer,
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

        // One connection for the request's reads instead of one per query: each open and close
        // passes through the provider's pool lock, which concurrent registrations contend for.
        await db.Database.OpenConnectionAsync(cancellationToken);
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
        if (instance is null)
        {
            // A new device is written by the group committer: instance, token use and event entry
            // in one transaction, acknowledged after it commits.
            var added = HotPathRegistrar.NewInstance(message, request, publicKey, certificate, token, smartAccount.ExportControlledQualified, now);
            var answer = HotPathRegistrar.Answer(request, now, certificate, smartAccount.Name, virtualAccount.Name, added.ExportControlledAllowed);
            var note = HotPathRegistrar.RegisteredNote(message.UdiText, token.Id);
            var result = await AddNewAsync(committer, new NewRegistration(added, token.Id, note), answer)
                ?? throw new DbUpdateConcurrencyException("The UDI was registered or the token changed before the registration was stored.");
            DeviceEndpointLog.Registered(logger, message.UdiText, token.VirtualAccountId, certificate.Serial);
            return result;
        }

        var previousAccountId = instance.VirtualAccountId;
        await EntitlementUsage.MoveAsync(db, instance, token.VirtualAccountId, cancellationToken);
        if (previousAccountId != token.VirtualAccountId)
        {
            EventLog.Add(db, now, previousAccountId, message.UdiText, EventCategories.Device,
                $"Product instance {message.UdiText} moved to virtual account {virtualAccount.Name} by a forced registration");
        }

        EventLog.Add(db, now, token.VirtualAccountId, message.UdiText, EventCategories.Device,
            $"Product instance {message.UdiText} registered again (force) with token {HotPathRegistrar.TokenLabel(token.Id)}; its previous ID certificate {instance.CertificateSerial} is no longer accepted");

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
        var response = HotPathRegistrar.Answer(request, now, certificate, smartAccount.Name, virtualAccount.Name, instance.ExportControlledAllowed);

        // Every registration with one token counts on the same row. An atomic conditional
        // increment, in the transaction that stores the instance, lets concurrent registrations
        // all count instead of failing each other's optimistic check; a token that was revoked or
        // used up meanwhile counts nothing, and the retry reports why.
        using (await writers.EnterWriteAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var counted = await db.RegistrationTokens
                .Where(t => t.Id == token.Id && t.RevokedAt == null && (t.MaxUses == null || t.Uses < t.MaxUses))
                .ExecuteUpdateAsync(t => t.SetProperty(r => r.Uses, r => r.Uses + 1).SetProperty(r => r.Version, Guid.NewGuid()), cancellationToken);
            if (counted == 0)
            {
                throw new DbUpdateConcurrencyException("The registration token changed before its use was counted.");
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        DeviceEndpointLog.Reregistered(logger, message.UdiText, token.VirtualAccountId, certificate.Serial);
        return DeviceResult.Success(response);
    }

    /// <summary>Stores the new instance and counts the token use in a group commit, or changes nothing and returns null.</summary>
    internal static Task<DeviceResult?> AddNewAsync(GroupCommitter committer, NewRegistration registration, RegisterResponse response) =>
        committer.WriteAsync(sql => sql.AddRegistered(registration) ? DeviceResult.Success(response) : null, registration: registration);

    internal static byte[]? ReadHeaderKey(DeviceMessage message)
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
