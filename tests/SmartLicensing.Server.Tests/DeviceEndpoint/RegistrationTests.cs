using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using Xunit;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

public sealed class RegistrationTests : DeviceEndpointTestBase
{
    [Fact]
    public async Task Register_ValidToken_IssuesIdCertificateAndStoresInstance()
    {
        using var device = NewDevice();
        var token = await Host.CreateTokenAsync();

        var reply = await device.RegisterAsync(token);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var registered = reply.As<RegisterResponse>();
        Assert.Equal("Lab Smart Account", registered.SmartAccount);
        Assert.Equal("Lab", registered.VirtualAccount);
        Assert.True(registered.ExportControlledAllowed);
        Assert.Equal(DeviceEndpointHost.Start.AddDays(365), registered.Certificate.NotAfter);
        Assert.Equal(DeviceEndpointHost.Start.AddDays(182), registered.Certificate.RenewAfter);

        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(registered.Certificate.Certificate));
        Assert.Equal(device.Udi, certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.Equal(device.Key.PublicKey, certificate.PublicKey.EncodedKeyValue.RawData);
        Assert.Equal(registered.Certificate.SerialNumber, certificate.SerialNumber);

        var instance = await Host.QueryAsync(db => db.ProductInstances.AsNoTracking().SingleAsync());
        Assert.Equal(device.Udi, instance.Udi);
        Assert.Equal(Host.LabAccountId, instance.VirtualAccountId);
        Assert.Equal(registered.Certificate.SerialNumber, instance.CertificateSerial);
        Assert.Equal(device.Key.PublicKey, instance.PublicKey);
        Assert.Equal("ASAv", instance.ProductName);
        Assert.Equal(DeviceEndpointHost.Start, instance.RegisteredAt);
        Assert.Equal(1, (await Host.TokenRecordAsync(token)).Uses);

        var registeredEvent = Assert.Single(await EventsAsync());
        Assert.StartsWith($"Product instance {device.Udi} registered with token ", registeredEvent.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, registeredEvent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_EveryDevicePath_IsAnswered()
    {
        foreach (var (path, index) in DevicePaths.All.Select((p, i) => (p, i)))
        {
            using var device = NewDevice($"PATH{index}");
            device.Path = path;

            var reply = await device.RegisterAsync(await Host.CreateTokenAsync());

            Assert.True(reply.Response is RegisterResponse, $"{path}: {reply.Describe()}");
        }
    }

    [Fact]
    public async Task Register_TokenNotExportControlled_InstanceHasNoExportAuthorization()
    {
        using var device = NewDevice();

        var reply = await device.RegisterAsync(await Host.CreateTokenAsync(exportControlled: false));

        Assert.False(reply.As<RegisterResponse>().ExportControlledAllowed);
        Assert.False(await Host.QueryAsync(db => db.ProductInstances.Select(p => p.ExportControlledAllowed).SingleAsync()));
    }

    public static TheoryData<string> UnusableTokens => ["expired", "revoked", "used-up", "garbage", "forged", "unknown"];

    [Theory]
    [MemberData(nameof(UnusableTokens))]
    public async Task Register_UnusableToken_RejectedWithReasonAndNotConsumed(string kind)
    {
        using var device = NewDevice();
        var (token, expected, status) = kind switch
        {
            "expired" => (await ExpiredTokenAsync(), FailureReasons.TokenExpired, HttpStatusCode.Forbidden),
            "revoked" => (await Host.CreateTokenAsync(revoked: true), FailureReasons.TokenRevoked, HttpStatusCode.Forbidden),
            "used-up" => (await UsedUpTokenAsync(), FailureReasons.TokenUsedUp, HttpStatusCode.Forbidden),
            "garbage" => ("this is not a token", FailureReasons.TokenMalformed, HttpStatusCode.BadRequest),
            "forged" => (await ForgedTokenAsync(), FailureReasons.TokenMalformed, HttpStatusCode.BadRequest),
            _ => (await UnknownTokenAsync(), FailureReasons.TokenUnknown, HttpStatusCode.Forbidden),
        };
        var usesBefore = kind is "garbage" or "forged" or "unknown" ? 0 : (await Host.TokenRecordAsync(token)).Uses;

        var reply = await device.RegisterAsync(token);

        Assert.Equal(status, reply.Status);
        Assert.Equal(expected.Code, reply.ErrorCode);
        Assert.Equal(expected.Message, reply.As<ErrorResponse>().Message);
        Assert.Equal(0, await Host.QueryAsync(db => db.ProductInstances.CountAsync(p => p.Udi == device.Udi)));
        if (kind is not ("garbage" or "forged" or "unknown"))
        {
            Assert.Equal(usesBefore, (await Host.TokenRecordAsync(token)).Uses);
        }

        var rejection = Assert.Single(await EventsAsync());
        Assert.Contains(expected.Code, rejection.Message, StringComparison.Ordinal);
        Assert.Contains(Host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(expected.Code, StringComparison.Ordinal));
        Assert.DoesNotContain(Host.Logs.Entries, e => e.Message.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_TokenWithLineBreaks_IsAccepted()
    {
        using var device = NewDevice();
        var token = await Host.CreateTokenAsync();

        var reply = await device.RegisterAsync($"{token[..40]}\n{token[40..]}");

        Assert.True(reply.Response is RegisterResponse, reply.Describe());
    }

    [Fact]
    public async Task Register_AlreadyRegisteredWithoutForce_ConflictAndTokenNotConsumed()
    {
        using var first = await RegisteredDeviceAsync();
        using var second = NewDevice();
        var token = await Host.CreateTokenAsync();

        var reply = await second.RegisterAsync(token);

        Assert.Equal(HttpStatusCode.Conflict, reply.Status);
        Assert.Equal(FailureReasons.AlreadyRegistered.Code, reply.ErrorCode);
        Assert.Equal(0, (await Host.TokenRecordAsync(token)).Uses);
        var instance = await Host.QueryAsync(db => db.ProductInstances.AsNoTracking().SingleAsync());
        Assert.Equal(first.Serial, instance.CertificateSerial);
    }

    [Fact]
    public async Task Register_ForceWithTokenOfOtherAccount_KeepsOneInstanceAndMovesUsage()
    {
        using var device = await RegisteredDeviceAsync();
        await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));
        var oldSerial = device.Serial;
        using var reinstalled = NewDevice();

        var reply = await reinstalled.RegisterAsync(await Host.CreateTokenAsync(Host.BranchAccountId), force: true);

        Assert.Equal("Branch", reply.As<RegisterResponse>().VirtualAccount);
        var instance = await Host.QueryAsync(db => db.ProductInstances.AsNoTracking().Include(p => p.Entitlements).SingleAsync());
        Assert.Equal(Host.BranchAccountId, instance.VirtualAccountId);
        Assert.Equal(reinstalled.Serial, instance.CertificateSerial);
        Assert.Equal(reinstalled.Key.PublicKey, instance.PublicKey);
        Assert.Equal(DeviceEndpointHost.Std1G, Assert.Single(instance.Entitlements).Tag);
        Assert.Equal(0, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
        Assert.Equal(1, (await Host.BalanceAsync(Host.BranchAccountId, DeviceEndpointHost.Std1G))!.InUse);

        var stale = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));
        Assert.Equal(FailureReasons.UnknownCertificate.Code, stale.ErrorCode);
        Assert.NotEqual(oldSerial, reinstalled.Serial);
        Assert.True((await reinstalled.AuthorizeAsync((DeviceEndpointHost.Std1G, 1))).Response is AuthorizationResponse);
    }

    [Fact]
    public async Task Register_SignedWithOtherKeyThanJwk_RejectedLoggedAndNothingStored()
    {
        using var device = NewDevice();
        using var otherKey = Ed25519SigningKey.Create();
        var token = await Host.CreateTokenAsync();
        var request = new RegisterRequest { Nonce = TestDevice.NewNonce(), IssuedAt = Host.Time.GetUtcNow(), Udi = device.Udi, Token = token };

        var reply = await device.SendAsync(request, TestDevice.RegisterHeader(device.Key), otherKey);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(FailureReasons.SignatureInvalid.Code, reply.ErrorCode);
        Assert.Equal(0, await Host.QueryAsync(db => db.ProductInstances.CountAsync()));
        Assert.Equal(0, (await Host.TokenRecordAsync(token)).Uses);
        var rejection = Assert.Single(await EventsAsync());
        Assert.Contains(FailureReasons.SignatureInvalid.Code, rejection.Message, StringComparison.Ordinal);
        Assert.Contains(device.Udi, rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithoutJwk_Malformed()
    {
        using var device = NewDevice();
        var request = new RegisterRequest { Nonce = TestDevice.NewNonce(), IssuedAt = Host.Time.GetUtcNow(), Udi = device.Udi, Token = await Host.CreateTokenAsync() };

        var reply = await device.SendAsync(request, new JwsHeader(), device.Key);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(FailureReasons.MalformedMessage.Code, reply.ErrorCode);
    }

    [Fact]
    public async Task Register_TokenWithOneUseLeftByTwoDevicesAtOnce_OnlyOneRegisters()
    {
        var token = await Host.CreateTokenAsync(maxUses: 1);
        var devices = Enumerable.Range(0, 6).Select(i => NewDevice($"RACE{i}")).ToList();

        var replies = await Task.WhenAll(devices.Select(d => d.RegisterAsync(token)));

        Assert.Single(replies, r => r.Response is RegisterResponse);
        Assert.All(replies.Where(r => r.Response is not RegisterResponse), r => Assert.Equal(FailureReasons.TokenUsedUp.Code, r.ErrorCode));
        Assert.Equal(1, (await Host.TokenRecordAsync(token)).Uses);
        Assert.Equal(1, await Host.QueryAsync(db => db.ProductInstances.CountAsync()));
        devices.ForEach(d => d.Dispose());
    }

    private async Task<string> ExpiredTokenAsync()
    {
        var token = await Host.CreateTokenAsync(lifetime: TimeSpan.FromDays(1));
        Host.Time.Advance(TimeSpan.FromDays(1));
        return token;
    }

    private async Task<string> UsedUpTokenAsync()
    {
        var token = await Host.CreateTokenAsync(maxUses: 1);
        using var other = NewDevice("OTHER1");
        Assert.True((await other.RegisterAsync(token)).Response is RegisterResponse);
        await Host.QueryAsync(db => db.Events.ExecuteDeleteAsync());
        return token;
    }

    // A token with the right form but a MAC made with another key.
    private static Task<string> ForgedTokenAsync()
    {
        var id = Guid.NewGuid();
        var token = new Protocol.Tokens.RegistrationToken(id, 1_700_000_000_000, new byte[32]);
        return Task.FromResult(token.Encode());
    }

    // A correctly signed token whose record was never stored.
    private async Task<string> UnknownTokenAsync()
    {
        var token = await Host.CreateTokenAsync();
        await Host.QueryAsync(db => db.RegistrationTokens.ExecuteDeleteAsync());
        return token;
    }
}
