using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Identity;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using SmartLicensing.Server.Authorization;
using SmartLicensing.Server.DeviceEndpoint;
using Xunit;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

/// <summary>A platform's Strong Encryption entitlement goes only to instances registered with export permission.</summary>
public sealed class StrongEncryptionExportTests : DeviceEndpointTestBase
{
    private static readonly string StrongEncryption = CatalogLoader.BuiltIn.FindByShortTag("ASA-SSP-STRONG-ENCRYPTION")!.Tag;
    private static readonly string SspStandard = CatalogLoader.BuiltIn.FindByShortTag("ASA-SSP-STANDARD")!.Tag;

    [Fact]
    public async Task Authorize_StrongEncryptionWithoutExport_NotAuthorizedNoLicenseUsed()
    {
        using var device = await RegisterAsync(exportControlled: false);

        var reply = await device.AuthorizeAsync((SspStandard, 1), (StrongEncryption, 1));

        var answers = reply.As<AuthorizationResponse>().Entitlements;
        var strong = Assert.Single(answers, a => a.Tag == StrongEncryption);
        Assert.Equal(EntitlementStatus.NotAuthorized, strong.Status);
        Assert.Equal("ASA-SSP-STRONG-ENCRYPTION", strong.ShortTag);
        Assert.NotEqual(EntitlementStatus.NotAuthorized, Assert.Single(answers, a => a.Tag == SspStandard).Status);
        Assert.True((await Host.BalanceAsync(Host.LabAccountId, StrongEncryption))?.InUse is null or 0);
        var rows = await Host.QueryAsync(db => db.ProductInstanceEntitlements.AsNoTracking().Select(e => e.Tag).ToListAsync());
        Assert.DoesNotContain(StrongEncryption, rows);
    }

    [Fact]
    public async Task Authorize_StrongEncryptionWithExportPermission_UsesALicense()
    {
        using var device = await RegisterAsync(exportControlled: true);

        var reply = await device.AuthorizeAsync((SspStandard, 1), (StrongEncryption, 1));

        var strong = Assert.Single(reply.As<AuthorizationResponse>().Entitlements, a => a.Tag == StrongEncryption);
        Assert.NotEqual(EntitlementStatus.NotAuthorized, strong.Status);
        Assert.Equal(1, (await Host.BalanceAsync(Host.LabAccountId, StrongEncryption))!.InUse);
    }

    [Fact]
    public async Task AuthorizeAsync_GeneralPathWithoutExport_RejectsStrongEncryption()
    {
        using var device = await RegisterAsync(exportControlled: false);
        var request = new AuthorizationRequest
        {
            Nonce = TestDevice.NewNonce(),
            IssuedAt = Host.Time.GetUtcNow(),
            Udi = device.Udi,
            Entitlements = [new EntitlementRequest(SspStandard, 1), new EntitlementRequest(StrongEncryption, 1)],
        };
        using var key = Ed25519SigningKey.Create();
        Assert.True(CompactJws.TryParse(TestDevice.Sign(request, new JwsHeader { KeyId = device.Serial }, key), out var jws, out var error), error);
        var message = new DeviceMessage(jws, request, Udi.Parse(device.Udi), Host.Time.GetUtcNow());

        var result = await Host.QueryAsync(async db =>
        {
            var instance = await db.ProductInstances.Include(p => p.Entitlements).SingleAsync();
            return await new DeviceAuthorizer(db, CatalogLoader.BuiltIn, NullLogger<DeviceAuthorizer>.Instance)
                .AuthorizeAsync(message, instance, request, TestContext.Current.CancellationToken);
        });

        var answer = Assert.IsType<AuthorizationResponse>(result.Response);
        Assert.Equal(EntitlementStatus.NotAuthorized, Assert.Single(answer.Entitlements, a => a.Tag == StrongEncryption).Status);
        Assert.True((await Host.BalanceAsync(Host.LabAccountId, StrongEncryption))?.InUse is null or 0);
    }

    private async Task<TestDevice> RegisterAsync(bool exportControlled)
    {
        var device = new TestDevice(Host, "PID:FPR9K-SM-44,SN:FLM12345678");
        var reply = await device.RegisterAsync(await Host.CreateTokenAsync(exportControlled: exportControlled));
        Assert.True(reply.Response is RegisterResponse, reply.Describe());
        return device;
    }
}
