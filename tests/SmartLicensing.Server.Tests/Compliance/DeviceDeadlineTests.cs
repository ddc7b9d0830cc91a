using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Server.Tests.DeviceEndpoint;
using Xunit;

namespace SmartLicensing.Server.Tests.Compliance;

/// <summary>The device endpoint's time limits one second before and at each boundary.</summary>
public sealed class DeviceDeadlineTests : DeviceEndpointTestBase
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(600, true)]
    [InlineData(601, false)]
    [InlineData(-600, true)]
    [InlineData(-601, false)]
    public async Task Authorize_DeviceClockOffBySeconds_AcceptedUpToTenMinutes(int offsetSeconds, bool accepted)
    {
        using var device = await RegisteredDeviceAsync();
        var request = new AuthorizationRequest
        {
            Nonce = TestDevice.NewNonce(),
            IssuedAt = Host.Time.GetUtcNow().AddSeconds(offsetSeconds),
            Udi = device.Udi,
            Entitlements = [new EntitlementRequest(DeviceEndpointHost.Std1G, 1)],
        };

        var reply = await device.SendSignedAsync(request);

        if (accepted)
        {
            Assert.True(reply.Response is AuthorizationResponse, reply.Describe());
            return;
        }

        Assert.Equal(FailureReasons.ClockSkew.Code, reply.ErrorCode);
        var direction = offsetSeconds < 0 ? "behind" : "ahead of";
        Assert.StartsWith($"The device clock is 10 minutes 1 second {direction} the license server's clock", reply.As<ErrorResponse>().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_OneSecondBeforeTokenExpiry_Registers()
    {
        var token = await Host.CreateTokenAsync(lifetime: TimeSpan.FromDays(30));
        Host.Time.Advance(TimeSpan.FromDays(30) - OneSecond);
        using var device = NewDevice();

        var reply = await device.RegisterAsync(token);

        Assert.True(reply.Response is RegisterResponse, reply.Describe());
    }

    [Fact]
    public async Task Register_AtTokenExpiry_TokenExpired()
    {
        var token = await Host.CreateTokenAsync(lifetime: TimeSpan.FromDays(30));
        Host.Time.Advance(TimeSpan.FromDays(30));
        using var device = NewDevice();

        var reply = await device.RegisterAsync(token);

        Assert.Equal(FailureReasons.TokenExpired.Code, reply.ErrorCode);
    }

    [Fact]
    public async Task Authorize_Granted_RenewAfter30DaysExpiresAfter90Days()
    {
        using var device = await RegisteredDeviceAsync();
        Host.Time.Advance(TimeSpan.FromDays(12));

        var reply = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));

        var authorized = reply.As<AuthorizationResponse>();
        Assert.Equal(Host.Time.GetUtcNow(), authorized.AuthorizedAt);
        Assert.Equal(Host.Time.GetUtcNow().AddDays(30), authorized.RenewAfter);
        Assert.Equal(Host.Time.GetUtcNow().AddDays(90), authorized.ExpiresAt);
    }

    [Fact]
    public async Task Authorize_OneEntitlementShort_OtherStaysAuthorized()
    {
        using var device = await RegisteredDeviceAsync();
        var first = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));
        Assert.Equal(EntitlementStatus.Authorized, Assert.Single(first.As<AuthorizationResponse>().Entitlements).Status);

        var reply = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1), (DeviceEndpointHost.Std2G, 1));

        var statuses = reply.As<AuthorizationResponse>().Entitlements.ToDictionary(e => e.Tag, e => e.Status);
        Assert.Equal(EntitlementStatus.Authorized, statuses[DeviceEndpointHost.Std1G]);
        Assert.Equal(EntitlementStatus.OutOfCompliance, statuses[DeviceEndpointHost.Std2G]);
        Assert.Equal(1, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
    }
}
