using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;
using Xunit;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

public sealed class AuthorizationTests : DeviceEndpointTestBase
{
    private const string UnknownTag = "regid.2030-01.com.example.NOT-IN-CATALOG,1.0_00000000-0000-0000-0000-000000000000";

    [Fact]
    public async Task Authorize_WithinPurchased_AuthorizedWithCatalogNamesAndDeadlines()
    {
        using var device = await RegisteredDeviceAsync();
        Host.Time.Advance(TimeSpan.FromMinutes(1));
        var now = Host.Time.GetUtcNow();

        var reply = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var authorization = reply.As<AuthorizationResponse>();
        var entitlement = Assert.Single(authorization.Entitlements);
        Assert.Equal(EntitlementStatus.Authorized, entitlement.Status);
        Assert.Equal("ASAv10 Standard - 1G", entitlement.DisplayName);
        Assert.Equal("ASAv-STD-1G", entitlement.ShortTag);
        Assert.True(authorization.ExportAuthorized);
        Assert.Equal(now, authorization.AuthorizedAt);
        Assert.Equal(now.AddDays(30), authorization.RenewAfter);
        Assert.Equal(now.AddDays(90), authorization.ExpiresAt);

        var balance = await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G);
        Assert.Equal(1, balance!.InUse);
        var instance = await Host.QueryAsync(db => db.ProductInstances.AsNoTracking().Include(p => p.Entitlements).SingleAsync());
        Assert.Equal(now, instance.LastAuthorizedAt);
        Assert.Equal(EntitlementStatus.Authorized, Assert.Single(instance.Entitlements).Status);
    }

    [Fact]
    public async Task Authorize_SameRequestAgain_DoesNotCountTwice()
    {
        using var device = await RegisteredDeviceAsync();

        await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 2));
        var reply = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 2));

        Assert.Equal(EntitlementStatus.Authorized, Assert.Single(reply.As<AuthorizationResponse>().Entitlements).Status);
        Assert.Equal(2, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
    }

    [Fact]
    public async Task Authorize_SameRequestAgain_NoEventEntry()
    {
        using var device = await RegisteredDeviceAsync();
        await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));
        Host.Time.Advance(TimeSpan.FromDays(30));
        var renewedAt = Host.Time.GetUtcNow();

        var reply = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));

        Assert.Equal(renewedAt, reply.As<AuthorizationResponse>().AuthorizedAt);
        var instance = await Host.QueryAsync(db => db.ProductInstances.AsNoTracking().SingleAsync());
        Assert.Equal(renewedAt, instance.LastAuthorizedAt);
        Assert.Equal(renewedAt, instance.LastContactAt);
        Assert.Equal(1, await AuthorizationEntriesAsync(device.Udi));
        Assert.Equal(1, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
    }

    [Fact]
    public async Task Authorize_NewCount_RecordsEventEntry()
    {
        using var device = await RegisteredDeviceAsync();
        await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));

        await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 2));

        Assert.Equal(2, await AuthorizationEntriesAsync(device.Udi));
        Assert.Equal(2, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
    }

    [Fact]
    public async Task Authorize_PoolOverUsedByOthers_OutOfCompliance()
    {
        using var first = await RegisteredDeviceAsync("FIRST01");
        using var second = await RegisteredDeviceAsync("SECOND01");
        Assert.Equal(EntitlementStatus.Authorized, Assert.Single((await first.AuthorizeAsync((DeviceEndpointHost.Std100M, 1))).As<AuthorizationResponse>().Entitlements).Status);
        await second.AuthorizeAsync((DeviceEndpointHost.Std100M, 1));

        var renewal = await first.AuthorizeAsync((DeviceEndpointHost.Std100M, 1));

        Assert.Equal(EntitlementStatus.OutOfCompliance, Assert.Single(renewal.As<AuthorizationResponse>().Entitlements).Status);
        var instance = await Host.QueryAsync(db => db.ProductInstances.AsNoTracking().Include(p => p.Entitlements).SingleAsync(p => p.Udi == first.Udi));
        Assert.Equal(EntitlementStatus.OutOfCompliance, Assert.Single(instance.Entitlements).Status);
        Assert.Equal(2, await AuthorizationEntriesAsync(first.Udi));
        Assert.Equal(2, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std100M))!.InUse);
    }

    [Fact]
    public async Task Authorize_MoreThanPurchased_OutOfComplianceAndNegativeBalance()
    {
        using var device = await RegisteredDeviceAsync();

        var reply = await device.AuthorizeAsync((DeviceEndpointHost.Std100M, 3));

        Assert.Equal(EntitlementStatus.OutOfCompliance, Assert.Single(reply.As<AuthorizationResponse>().Entitlements).Status);
        var balance = await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std100M);
        Assert.Equal(3, balance!.InUse);
        Assert.Equal(-2, balance.Balance);
    }

    [Fact]
    public async Task Authorize_TagWithoutPurchase_CreatesBalanceRowAndIsOutOfCompliance()
    {
        using var device = await RegisteredDeviceAsync();

        var reply = await device.AuthorizeAsync((DeviceEndpointHost.Std2G, 1));

        Assert.Equal(EntitlementStatus.OutOfCompliance, Assert.Single(reply.As<AuthorizationResponse>().Entitlements).Status);
        var balance = await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std2G);
        Assert.Equal(0, balance!.Purchased);
        Assert.Equal(1, balance.InUse);
    }

    [Fact]
    public async Task Authorize_UnknownTag_InvalidTagWithoutTouchingOtherEntitlements()
    {
        using var device = await RegisteredDeviceAsync();
        await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1));

        var reply = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 1), (UnknownTag, 1));

        var answers = reply.As<AuthorizationResponse>().Entitlements;
        Assert.Equal(EntitlementStatus.Authorized, answers.Single(a => a.Tag == DeviceEndpointHost.Std1G).Status);
        var invalid = answers.Single(a => a.Tag == UnknownTag);
        Assert.Equal(EntitlementStatus.InvalidTag, invalid.Status);
        Assert.Null(invalid.DisplayName);
        Assert.Equal(1, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
        Assert.Null(await Host.BalanceAsync(Host.LabAccountId, UnknownTag));
        var rows = await Host.QueryAsync(db => db.ProductInstanceEntitlements.AsNoTracking().ToListAsync());
        Assert.Equal(DeviceEndpointHost.Std1G, Assert.Single(rows).Tag);
    }

    [Fact]
    public async Task Authorize_EntitlementNoLongerRequested_IsReleased()
    {
        using var device = await RegisteredDeviceAsync();
        await device.AuthorizeAsync((DeviceEndpointHost.Std1G, 2));

        await device.AuthorizeAsync((DeviceEndpointHost.Std100M, 1));

        Assert.Equal(0, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
        Assert.Equal(1, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std100M))!.InUse);
        var rows = await Host.QueryAsync(db => db.ProductInstanceEntitlements.AsNoTracking().ToListAsync());
        Assert.Equal(DeviceEndpointHost.Std100M, Assert.Single(rows).Tag);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    [InlineData(-1)]
    public async Task Authorize_CountOutOfRange_MalformedAndNoChange(int count)
    {
        using var device = await RegisteredDeviceAsync();

        var reply = await device.AuthorizeAsync((DeviceEndpointHost.Std1G, count));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(FailureReasons.MalformedMessage.Code, reply.ErrorCode);
        Assert.Equal(0, (await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G))!.InUse);
    }

    [Fact]
    public async Task Authorize_ManyDevicesAtOnce_BalanceCountsEveryDevice()
    {
        var devices = new List<TestDevice>();
        for (var i = 0; i < 40; i++)
        {
            devices.Add(await RegisteredDeviceAsync($"PAR{i}"));
        }

        var replies = await Task.WhenAll(devices.Select(d => d.AuthorizeAsync((DeviceEndpointHost.Std1G, 1))));

        Assert.All(replies, r => Assert.True(r.Response is AuthorizationResponse, r.Describe()));
        var balance = await Host.BalanceAsync(Host.LabAccountId, DeviceEndpointHost.Std1G);
        Assert.Equal(40, balance!.InUse);
        devices.ForEach(d => d.Dispose());
    }

    private Task<int> AuthorizationEntriesAsync(string udi) =>
        Host.QueryAsync(db => db.Events.CountAsync(e => e.Actor == udi && e.Message.Contains("requested authorization")));
}
