using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

/// <summary>
/// The device endpoint inside the real server on each store, with tokens, licenses and removals
/// made through the Admin API.
/// </summary>
public abstract class FullHostTests(StoreKind store) : StoreTests(store)
{
    [Fact]
    public async Task Register_TokenFromAdminApi_RegistersAndAuthorizes()
    {
        await using var server = await StartServerAsync();
        using var device = NewDevice(server, "FULL1");
        var token = await Seed.CreateTokenAsync(server);

        var registered = await device.RegisterAsync(token);
        var authorized = await device.AuthorizeAsync((Seed.Standard1G, 1));

        Assert.Equal("DEFAULT", registered.As<RegisterResponse>().VirtualAccount);
        var entitlement = Assert.Single(authorized.As<AuthorizationResponse>().Entitlements);
        Assert.Equal(EntitlementStatus.OutOfCompliance, entitlement.Status);
    }

    [Fact]
    public async Task Register_TokenRevokedThroughAdminApi_TokenRevoked()
    {
        await using var server = await StartServerAsync();
        using var device = NewDevice(server, "FULL2");
        var created = await (await server.Client.PostJsonAsync("/api/v1/virtual-accounts/DEFAULT/tokens", new { })).JsonAsync(201);
        var id = created.GetProperty("id").GetString();
        await (await server.Client.PostJsonAsync($"/api/v1/tokens/{id}/revoke", new { })).JsonAsync(200);

        var reply = await device.RegisterAsync(created.GetProperty("token").GetString()!);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal(FailureReasons.TokenRevoked.Code, reply.ErrorCode);
    }

    [Theory]
    [InlineData("/licservice/license")]
    [InlineData("/LICSERVICE/License")]
    public async Task DevicePath_Get_MethodNotAllowedProblem(string path)
    {
        await using var server = await StartServerAsync();

        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.HasCodeAsync(response, 405, "method-not-allowed");
        Assert.Contains("with POST", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevicePath_OtherCase_AnsweredAsDeviceMessage()
    {
        await using var server = await StartServerAsync();
        using var device = NewDevice(server, "CASE1");
        device.Path = DevicePaths.SmartTransport.ToUpperInvariant();

        var reply = await device.RegisterAsync(await Seed.CreateTokenAsync(server));

        Assert.True(reply.Response is RegisterResponse, reply.Describe());
    }

    [Fact]
    public async Task Authorize_InstanceRemovedThroughAdminApi_NotRegistered()
    {
        await using var server = await StartServerAsync();
        using var device = NewDevice(server, "FULL3");
        await device.RegisterAsync(await Seed.CreateTokenAsync(server));
        using var removal = await server.Client.DeleteAsync($"/api/v1/product-instances/{Uri.EscapeDataString(device.Udi)}", TestContext.Current.CancellationToken);
        Assert.True(removal.IsSuccessStatusCode, $"removal returned {(int)removal.StatusCode}");

        var reply = await device.AuthorizeAsync((Seed.Standard1G, 1));

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal(FailureReasons.NotRegistered.Code, reply.ErrorCode);
    }

    [Fact]
    public async Task Authorize_ManyDevicesAtOnce_BalanceCountsEveryDevice()
    {
        await using var server = await StartServerAsync();
        var token = await Seed.CreateTokenAsync(server);
        var devices = Enumerable.Range(0, 30).Select(i => NewDevice(server, $"BURST{i}")).ToList();
        foreach (var device in devices)
        {
            Assert.True((await device.RegisterAsync(token)).Response is RegisterResponse);
        }

        var replies = await Task.WhenAll(devices.Select(d => d.AuthorizeAsync((Seed.Standard1G, 1))));

        Assert.All(replies, r => Assert.True(r.Response is AuthorizationResponse, r.Describe()));
        var inUse = await server.WithDbAsync(db => db.EntitlementBalances.Where(b => b.Tag == Seed.Standard1G).SumAsync(b => b.InUse, TestContext.Current.CancellationToken));
        Assert.Equal(30, inUse);
        devices.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task Authorize_SameRequestAgain_StampedWithoutEventEntry()
    {
        await using var server = await StartServerAsync();
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,10\n");
        using var device = NewDevice(server, "AGAIN1");
        await device.RegisterAsync(await Seed.CreateTokenAsync(server));
        await device.AuthorizeAsync((Seed.Standard1G, 2));
        server.Time.Advance(TimeSpan.FromDays(30));
        var renewedAt = server.Time.GetUtcNow();

        var reply = await device.AuthorizeAsync((Seed.Standard1G, 2));

        Assert.Equal(EntitlementStatus.Authorized, Assert.Single(reply.As<AuthorizationResponse>().Entitlements).Status);
        var instance = await server.WithDbAsync(db => db.ProductInstances.AsNoTracking().SingleAsync(p => p.Udi == device.Udi, TestContext.Current.CancellationToken));
        Assert.Equal(renewedAt, instance.LastAuthorizedAt);
        Assert.Equal(1, await AuthorizationEntriesAsync(server, device.Udi));
        Assert.Equal(2, await InUseAsync(server, Seed.Standard1G));
    }

    [Fact]
    public async Task Authorize_LicensesTakenAway_OutOfCompliance()
    {
        await using var server = await StartServerAsync();
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,1\n");
        using var device = NewDevice(server, "SHORT1");
        await device.RegisterAsync(await Seed.CreateTokenAsync(server));
        var first = await device.AuthorizeAsync((Seed.Standard1G, 1));
        Assert.Equal(EntitlementStatus.Authorized, Assert.Single(first.As<AuthorizationResponse>().Entitlements).Status);
        await server.WithDbAsync(db => db.EntitlementBalances
            .Where(b => b.Tag == Seed.Standard1G)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.Purchased, 0), TestContext.Current.CancellationToken));

        var reply = await device.AuthorizeAsync((Seed.Standard1G, 1));

        Assert.Equal(EntitlementStatus.OutOfCompliance, Assert.Single(reply.As<AuthorizationResponse>().Entitlements).Status);
        var stored = await server.WithDbAsync(db => db.ProductInstanceEntitlements.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(EntitlementStatus.OutOfCompliance, stored.Status);
        Assert.Equal(2, await AuthorizationEntriesAsync(server, device.Udi));
        Assert.Equal(1, await InUseAsync(server, Seed.Standard1G));
    }

    private static Task<int> AuthorizationEntriesAsync(AuthorityServer server, string udi) =>
        server.WithDbAsync(db => db.Events.CountAsync(e => e.Actor == udi && e.Message.Contains("requested authorization"), TestContext.Current.CancellationToken));

    private static Task<int> InUseAsync(AuthorityServer server, string tag) =>
        server.WithDbAsync(db => db.EntitlementBalances.Where(b => b.Tag == tag).SumAsync(b => b.InUse, TestContext.Current.CancellationToken));

    private static TestDevice NewDevice(AuthorityServer server, string serialNumber) => new(server, $"PID:ASAv,SN:{serialNumber}");
}

public sealed class SqliteFullHostTests() : FullHostTests(StoreKind.Sqlite);

public sealed class PostgresFullHostTests() : FullHostTests(StoreKind.Postgres);
