using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using Xunit;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

public sealed class DeviceLifecycleTests : DeviceEndpointTestBase
{
    [Fact]
    public async Task Deregister_RegisteredDevice_FreesLicensesAndRemovesInstance()
    {
        using var device = await RegisteredDeviceAsync();
        await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 2));

        var reply = await device.DeregisterAsync();

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        reply.As<DeregisterResponse>();
        Assert.Equal(0, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
        Assert.Equal(0, await Host.QueryAsync(db => db.ProductInstances.CountAsync()));
        Assert.Equal(0, await Host.QueryAsync(db => db.ProductInstanceEntitlements.CountAsync()));
        Assert.Contains(await EventsAsync(), e => e.Message.Contains("deregistered", StringComparison.Ordinal));

        var after = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
        Assert.Equal(FailureReasons.NotRegistered.Code, after.ErrorCode);
    }

    [Fact]
    public async Task RenewId_CurrentKey_NewSerialReplacesOld()
    {
        using var device = await RegisteredDeviceAsync();
        var oldSerial = device.Serial;
        Host.Time.Advance(TimeSpan.FromDays(183));

        var reply = await device.RenewIdAsync();

        var renewed = reply.As<IdCertificateResponse>();
        Assert.NotEqual(oldSerial, renewed.Certificate.SerialNumber);
        Assert.Equal(Host.Time.GetUtcNow().AddDays(365), renewed.Certificate.NotAfter);
        var instance = await Host.QueryAsync(db => db.ProductInstances.AsNoTracking().SingleAsync());
        Assert.Equal(renewed.Certificate.SerialNumber, instance.CertificateSerial);
        Assert.Equal(renewed.Certificate.NotAfter, instance.CertificateNotAfter);

        Assert.True((await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1))).Response is AuthorizationResponse);
        var stale = new AuthorizationRequest { Nonce = TestDevice.NewNonce(), IssuedAt = Host.Time.GetUtcNow(), Udi = device.Udi, Entitlements = [] };
        var staleReply = await device.SendAsync(stale, new JwsHeader { KeyId = oldSerial }, device.Key);
        Assert.Equal(FailureReasons.UnknownCertificate.Code, staleReply.ErrorCode);
    }

    [Fact]
    public async Task RenewId_UsedOldSerial_UnknownCertificate()
    {
        using var device = await RegisteredDeviceAsync();
        var oldSerial = device.Serial;
        Assert.True((await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1))).Response is AuthorizationResponse);
        Host.Time.Advance(TimeSpan.FromDays(183));
        Assert.True((await device.RenewIdAsync()).Response is IdCertificateResponse);

        var stale = new AuthorizationRequest
        {
            Nonce = TestDevice.NewNonce(),
            IssuedAt = Host.Time.GetUtcNow(),
            Udi = device.Udi,
            Entitlements = [new EntitlementRequest(DeviceEndpointHost.Std1G, 2)],
        };
        var reply = await device.SendAsync(stale, new JwsHeader { KeyId = oldSerial }, device.Key);

        Assert.Equal(FailureReasons.UnknownCertificate.Code, reply.ErrorCode);
        Assert.Equal(1, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
    }

    [Fact]
    public async Task RenewId_NewKeyWithProof_LaterMessagesUseNewKey()
    {
        using var device = await RegisteredDeviceAsync();
        var oldKey = Ed25519SigningKey.ImportPrivateKey(device.Key.ExportPrivateKey());
        var newKey = Ed25519SigningKey.Create();

        var reply = await device.RenewIdAsync(newKey);

        Assert.True(reply.Response is IdCertificateResponse, reply.Describe());
        Assert.Equal(newKey.PublicKey, await Host.QueryAsync(db => db.ProductInstances.Select(p => p.PublicKey).SingleAsync()));
        Assert.True((await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1))).Response is AuthorizationResponse);
        var withOldKey = new DeregisterRequest { Nonce = TestDevice.NewNonce(), IssuedAt = Host.Time.GetUtcNow(), Udi = device.Udi };
        Assert.Equal(FailureReasons.SignatureInvalid.Code, (await device.SendSignedAsync(withOldKey, oldKey)).ErrorCode);
        oldKey.Dispose();
    }

    [Fact]
    public async Task RenewId_NewKeyWithWrongProof_RejectedAndKeyKept()
    {
        using var device = await RegisteredDeviceAsync();
        using var newKey = Ed25519SigningKey.Create();
        var request = new IdCertificateRenewalRequest
        {
            Nonce = TestDevice.NewNonce(),
            IssuedAt = Host.Time.GetUtcNow(),
            Udi = device.Udi,
            NewPublicKey = Protocol.Encoding.Base64Url.Encode(newKey.PublicKey),
            NewKeyProof = Protocol.Encoding.Base64Url.Encode(newKey.Sign("another nonce"u8)),
        };

        var reply = await device.SendSignedAsync(request);

        Assert.Equal(FailureReasons.SignatureInvalid.Code, reply.ErrorCode);
        Assert.Equal(device.Key.PublicKey, await Host.QueryAsync(db => db.ProductInstances.Select(p => p.PublicKey).SingleAsync()));
    }

    [Fact]
    public async Task Authorize_CertificatePastNotAfter_CertificateExpired()
    {
        using var device = await RegisteredDeviceAsync();
        Host.Time.Advance(TimeSpan.FromDays(366));

        var reply = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(FailureReasons.CertificateExpired.Code, reply.ErrorCode);
    }
}
