using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using Xunit;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

public sealed class MessageCheckTests : DeviceEndpointTestBase
{
    [Fact]
    public async Task Post_NotAJws_MalformedMessageSignedWithEmptyNonce()
    {
        using var device = NewDevice();

        var reply = await device.PostAsync("hello", expectedNonce: null);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(FailureReasons.MalformedMessage.Code, reply.ErrorCode);
    }

    [Fact]
    public async Task Post_TypeNotFirstInPayload_Accepted()
    {
        using var device = await RegisteredDeviceAsync();
        var nonce = TestDevice.NewNonce();
        var payload = string.Create(CultureInfo.InvariantCulture,
            $$"""{"nonce":"{{nonce}}","issuedAt":"{{Host.Time.GetUtcNow():O}}","udi":"{{device.Udi}}","type":"deregister"}""");
        var body = CompactJws.Sign(new JwsHeader { KeyId = device.Serial }, Encoding.UTF8.GetBytes(payload), device.Key);

        var reply = await device.PostAsync(body, nonce);

        Assert.True(reply.Response is DeregisterResponse, reply.Describe());
    }

    [Fact]
    public async Task Post_UnknownMessageType_MalformedMessage()
    {
        using var device = await RegisteredDeviceAsync();
        var payload = string.Create(CultureInfo.InvariantCulture,
            $$"""{"type":"reserve","nonce":"{{TestDevice.NewNonce()}}","issuedAt":"{{Host.Time.GetUtcNow():O}}","udi":"{{device.Udi}}"}""");
        var body = CompactJws.Sign(new JwsHeader { KeyId = device.Serial }, Encoding.UTF8.GetBytes(payload), device.Key);

        var reply = await device.PostAsync(body, expectedNonce: null);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(FailureReasons.MalformedMessage.Code, reply.ErrorCode);
    }

    [Fact]
    public async Task Post_AlgorithmOtherThanEdDsa_MalformedMessage()
    {
        using var device = await RegisteredDeviceAsync();
        var request = new DeregisterRequest { Nonce = TestDevice.NewNonce(), IssuedAt = Host.Time.GetUtcNow(), Udi = device.Udi };

        var body = TestDevice.Sign(request, new JwsHeader { Algorithm = "none", KeyId = device.Serial }, device.Key);

        // The payload of a JWS with another algorithm is not read, so the nonce is not echoed.
        var reply = await device.PostAsync(body, expectedNonce: null);

        Assert.Equal(FailureReasons.MalformedMessage.Code, reply.ErrorCode);
        Assert.Equal(1, await Host.QueryAsync(db => db.ProductInstances.CountAsync()));
    }

    [Fact]
    public async Task Post_BodyOverLimit_MalformedMessage()
    {
        using var device = NewDevice();

        var reply = await device.PostAsync(new string('a', 70_000), expectedNonce: null);

        Assert.Equal(FailureReasons.MalformedMessage.Code, reply.ErrorCode);
        var message = Assert.IsType<ErrorResponse>(reply.Response).Message;
        Assert.Contains("longer than the 65536 bytes allowed", message, StringComparison.Ordinal);
        Assert.Contains("Content-Length 70000", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnreadableFlood_ThirtyRecordedPerMinute()
    {
        using var device = NewDevice();
        for (var i = 0; i < 40; i++)
        {
            var reply = await device.PostAsync("garbage", expectedNonce: null);
            Assert.Equal(FailureReasons.MalformedMessage.Code, reply.ErrorCode);
        }

        Assert.Equal(30, await RejectionEntriesAsync());

        Host.Time.Advance(TimeSpan.FromMinutes(1));
        await device.PostAsync("garbage", expectedNonce: null);

        Assert.Equal(31, await RejectionEntriesAsync());
        var last = await Host.QueryAsync(db => db.Events.OrderByDescending(e => e.Id).FirstAsync());
        Assert.Contains("10 more rejections of this kind", last.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ShortNonce_MalformedMessage()
    {
        using var device = await RegisteredDeviceAsync();
        var request = new DeregisterRequest { Nonce = "abc", IssuedAt = Host.Time.GetUtcNow(), Udi = device.Udi };

        // A nonce that fails the format check is not echoed.
        var reply = await device.PostAsync(TestDevice.Sign(request, new JwsHeader { KeyId = device.Serial }, device.Key), expectedNonce: null);

        Assert.Equal(FailureReasons.MalformedMessage.Code, reply.ErrorCode);
        Assert.Equal(1, await Host.QueryAsync(db => db.ProductInstances.CountAsync()));
    }

    [Fact]
    public async Task Post_DeviceClockBehind_ClockSkewSaysByHowMuch()
    {
        using var device = await RegisteredDeviceAsync();
        var request = new AuthorizationRequest
        {
            Nonce = TestDevice.NewNonce(),
            IssuedAt = Host.Time.GetUtcNow() - new TimeSpan(2, 5, 0),
            Udi = device.Udi,
            Entitlements = [new EntitlementRequest(DeviceEndpointHost.Std1G, 1)],
        };

        var reply = await device.SendSignedAsync(request);

        Assert.Equal(FailureReasons.ClockSkew.Code, reply.ErrorCode);
        Assert.StartsWith("The device clock is 2 hours 5 minutes behind the license server's clock", reply.As<ErrorResponse>().Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
    }

    [Fact]
    public async Task Post_DeviceClockWithinTenMinutes_Accepted()
    {
        using var device = await RegisteredDeviceAsync();
        var request = new AuthorizationRequest
        {
            Nonce = TestDevice.NewNonce(),
            IssuedAt = Host.Time.GetUtcNow().AddMinutes(9),
            Udi = device.Udi,
            Entitlements = [new EntitlementRequest(DeviceEndpointHost.Std1G, 1)],
        };

        var reply = await device.SendSignedAsync(request);

        Assert.True(reply.Response is AuthorizationResponse, reply.Describe());
    }

    [Fact]
    public async Task Post_SameMessageTwice_SecondIsReplay()
    {
        using var device = await RegisteredDeviceAsync();
        var request = new AuthorizationRequest
        {
            Nonce = TestDevice.NewNonce(),
            IssuedAt = Host.Time.GetUtcNow(),
            Udi = device.Udi,
            Entitlements = [new EntitlementRequest(DeviceEndpointHost.Std1G, 1)],
        };
        var body = TestDevice.Sign(request, new JwsHeader { KeyId = device.Serial }, device.Key);

        var first = await device.PostAsync(body, request.Nonce);
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await device.PostAsync(body, request.Nonce);

        Assert.True(first.Response is AuthorizationResponse, first.Describe());
        Assert.Equal(FailureReasons.Replay.Code, second.ErrorCode);
    }

    [Fact]
    public async Task Post_StoreBroken_ServerUnavailableSignedWithNonce()
    {
        using var device = await RegisteredDeviceAsync();
        await Host.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE ProductInstanceEntitlements"));

        var reply = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
        Assert.Equal(FailureReasons.ServerUnavailable.Code, reply.ErrorCode);
        Assert.Equal(0, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
    }

    [Fact]
    public async Task Post_UnknownKid_NotRegistered()
    {
        using var device = NewDevice();
        var request = new DeregisterRequest { Nonce = TestDevice.NewNonce(), IssuedAt = Host.Time.GetUtcNow(), Udi = device.Udi };

        var reply = await device.SendAsync(request, new JwsHeader { KeyId = "0123456789ABCDEF0123456789ABCDEF" }, device.Key);

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal(FailureReasons.NotRegistered.Code, reply.ErrorCode);
    }

    [Fact]
    public async Task Post_RightKidWrongKey_SignatureInvalidLoggedAndNoChange()
    {
        using var device = await RegisteredDeviceAsync();
        using var attacker = Ed25519SigningKey.Create();
        var request = new DeregisterRequest { Nonce = TestDevice.NewNonce(), IssuedAt = Host.Time.GetUtcNow(), Udi = device.Udi };

        var reply = await device.SendSignedAsync(request, attacker);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(FailureReasons.SignatureInvalid.Code, reply.ErrorCode);
        Assert.Equal(1, await Host.QueryAsync(db => db.ProductInstances.CountAsync()));
        var rejection = (await EventsAsync()).Last();
        Assert.Equal(Host.LabAccountId, rejection.VirtualAccountId);
        Assert.Contains(FailureReasons.SignatureInvalid.Code, rejection.Message, StringComparison.Ordinal);
        var warning = Assert.Single(Host.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(device.Udi, warning.Message, StringComparison.Ordinal);
        Assert.Contains(FailureReasons.SignatureInvalid.Code, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OtherUdiThanCertificate_UdiMismatch()
    {
        using var device = await RegisteredDeviceAsync();
        var request = new DeregisterRequest { Nonce = TestDevice.NewNonce(), IssuedAt = Host.Time.GetUtcNow(), Udi = "PID:ASAv,SN:SOMEONEELSE" };

        var reply = await device.SendSignedAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal(FailureReasons.UdiMismatch.Code, reply.ErrorCode);
        Assert.Equal(1, await Host.QueryAsync(db => db.ProductInstances.CountAsync()));
    }

    private Task<int> RejectionEntriesAsync() =>
        Host.QueryAsync(db => db.Events.CountAsync(e => e.Message.StartsWith("Rejected unreadable message")));
}
