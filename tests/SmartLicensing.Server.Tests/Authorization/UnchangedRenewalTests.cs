using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Server.Authorization;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.DeviceEndpoint;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Authorization;

/// <summary>
/// The group statement that renews, on PostgreSQL, the instances whose renewal changes nothing
/// but their times, and commits with its results. Every instance it stamps must use exactly what
/// the request names, as the database has it when the statement locks the row.
/// </summary>
public sealed class UnchangedRenewalTests : IAsyncLifetime
{
    private static readonly string StrongEncryption = CatalogLoader.BuiltIn.FindByShortTag("FPR4K-ASA-STRONG-ENCRYPTION")!.Tag;

    private AuthorityServer? _server;
    private GroupStatements? _statements;

    private AuthorityServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    private GroupStatements Statements => _statements ??= GroupStatements.Open(Server.App.Services.GetRequiredService<HotPathDatabase>());

    public async ValueTask InitializeAsync()
    {
        _server = await AuthorityServer.StartAsync(StoreKind.Postgres);
        await Seed.ImportCsvAsync(Server, "DEFAULT", "L-ASAV10S-K9=,10\n");
    }

    public async ValueTask DisposeAsync()
    {
        _statements?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task RenewUnchanged_SameHoldings_StampsAndReadsThem()
    {
        var id = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:SAME1", (Seed.Standard1G, 2));
        var before = await InstanceAsync(id);
        var now = Server.Time.GetUtcNow().AddDays(30);

        var stamped = Statements.RenewUnchanged([await TouchAsync(id, now, (Seed.Standard1G, 2))]);

        Assert.Equal([id], stamped);
        var after = await InstanceAsync(id);
        Assert.Equal(now, after.LastAuthorizedAt);
        Assert.Equal(now, after.LastContactAt);
        Assert.NotEqual(before.Version, after.Version);
        var touched = Statements.Touch(id, before.CertificateSerial, now);
        var holding = Assert.Single(touched!.Holdings);
        Assert.Equal((Seed.Standard1G, 2, EntitlementStatus.Authorized, 8L), (holding.Key, holding.Value.Count, holding.Value.Status, holding.Value.Balance));
    }

    [Fact]
    public async Task RenewUnchanged_OneShort_ReturnsBalances()
    {
        var id = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:TWO1", (Seed.Standard2G, 3), (Seed.Standard1G, 2));
        await Server.Database.ExecuteAsync(
            $"""UPDATE "ProductInstanceEntitlements" SET "Status" = 'OutOfCompliance' WHERE "ProductInstanceId" = '{id}' AND "Tag" = '{Seed.Standard2G}'""");
        var now = Server.Time.GetUtcNow().AddDays(30);

        var stamped = Statements.RenewUnchanged([await TouchAsync(id, now, (Seed.Standard1G, 2), (Seed.Standard2G, 3))]);

        Assert.Equal([id], stamped);
        var touched = Statements.Touch(id, (await InstanceAsync(id)).CertificateSerial, now);
        Assert.Equal(
            [(Seed.Standard1G, 2, EntitlementStatus.Authorized, (long?)8), (Seed.Standard2G, 3, EntitlementStatus.OutOfCompliance, -3)],
            touched!.Holdings.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => (h.Key, h.Value.Count, h.Value.Status, h.Value.Balance)));
    }

    [Fact]
    public async Task RenewUnchanged_SeveralInstances_StampsOnlyTheUnchanged()
    {
        var same = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:MIX1", (Seed.Standard1G, 1));
        var otherCount = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:MIX2", (Seed.Standard1G, 1));
        var otherTag = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:MIX3", (Seed.Standard1G, 1));
        var fewer = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:MIX4", (Seed.Standard1G, 1), (Seed.Standard2G, 1));
        var now = Server.Time.GetUtcNow().AddDays(30);

        var stamped = Statements.RenewUnchanged(
        [
            await TouchAsync(same, now, (Seed.Standard1G, 1)),
            await TouchAsync(otherCount, now, (Seed.Standard1G, 3)),
            await TouchAsync(otherTag, now, (Seed.Standard2G, 1)),
            await TouchAsync(fewer, now, (Seed.Standard1G, 1)),
        ]);

        Assert.Equal([same], stamped);
        Assert.Null((await InstanceAsync(otherCount)).LastAuthorizedAt);
        Assert.Null((await InstanceAsync(otherTag)).LastAuthorizedAt);
        Assert.Null((await InstanceAsync(fewer)).LastAuthorizedAt);
    }

    [Fact]
    public async Task RenewUnchanged_NoEntitlements_Stamped()
    {
        var id = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:EMPTY1");
        var now = Server.Time.GetUtcNow().AddDays(1);

        var stamped = Statements.RenewUnchanged([await TouchAsync(id, now)]);

        Assert.Equal([id], stamped);
        Assert.Equal(now, (await InstanceAsync(id)).LastAuthorizedAt);
    }

    [Fact]
    public async Task RenewUnchanged_OldCertificate_NotStamped()
    {
        var id = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:OLDCERT", (Seed.Standard1G, 1));
        var touch = await TouchAsync(id, Server.Time.GetUtcNow(), (Seed.Standard1G, 1));

        var stamped = Statements.RenewUnchanged([touch with { Serial = "0BADC0DE" }]);

        Assert.Empty(stamped);
        Assert.Null((await InstanceAsync(id)).LastAuthorizedAt);
    }

    [Fact]
    public async Task RenewUnchanged_StatusStale_NotStamped()
    {
        var id = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:SHORT1", (Seed.Standard1G, 2));
        await Server.Database.ExecuteAsync($"""UPDATE "EntitlementBalances" SET "Purchased" = 1 WHERE "Tag" = '{Seed.Standard1G}'""");

        var stamped = Statements.RenewUnchanged([await TouchAsync(id, Server.Time.GetUtcNow(), (Seed.Standard1G, 2))]);

        Assert.Empty(stamped);
    }

    [Fact]
    public async Task RenewUnchanged_NoBalanceRow_NotStamped()
    {
        var id = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:NOROW1", (Seed.Standard2G, 1));
        await Server.Database.ExecuteAsync($"""DELETE FROM "EntitlementBalances" WHERE "Tag" = '{Seed.Standard2G}'""");

        var stamped = Statements.RenewUnchanged([await TouchAsync(id, Server.Time.GetUtcNow(), (Seed.Standard2G, 1))]);

        Assert.Empty(stamped);
    }

    [Fact]
    public async Task RenewUnchanged_ExportControlledWithoutPermission_NotStamped()
    {
        var id = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:EXPORT1", (StrongEncryption, 1));
        await Server.Database.ExecuteAsync($"""UPDATE "ProductInstances" SET "ExportControlledAllowed" = false WHERE "Id" = '{id}'""");
        var touch = await TouchAsync(id, Server.Time.GetUtcNow(), (StrongEncryption, 1));

        var stamped = Statements.RenewUnchanged([touch with { NeedsExportPermission = true }]);

        Assert.Empty(stamped);
    }

    [Fact]
    public async Task RenewUnchanged_ChangedWhileLocked_NotStamped()
    {
        // Another transaction locks the instance row while it changes the entitlements. The statement
        // takes its snapshot, waits for the row, and must then see that the instance changed,
        // although the entitlement rows of its snapshot still match the request.
        var id = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:RACE1", (Seed.Standard1G, 1));
        var touch = await TouchAsync(id, Server.Time.GetUtcNow(), (Seed.Standard1G, 1));
        await using var other = new NpgsqlConnection(Server.Database.ConnectionString);
        await other.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await other.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await ExecuteAsync(other, $"""UPDATE "ProductInstances" SET "Version" = '{Guid.NewGuid()}' WHERE "Id" = '{id}'""");
        await ExecuteAsync(other, $"""UPDATE "ProductInstanceEntitlements" SET "Count" = 2 WHERE "ProductInstanceId" = '{id}'""");
        await ExecuteAsync(other, $"""UPDATE "EntitlementBalances" SET "InUse" = "InUse" + 1 WHERE "Tag" = '{Seed.Standard1G}'""");

        var renewal = Task.Run(() => Statements.RenewUnchanged([touch]), TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => WaitsForRowAsync(), "the renewal statement never waited for the locked row");
        await transaction.CommitAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await renewal);
        Assert.Null((await InstanceAsync(id)).LastAuthorizedAt);
    }

    [Fact]
    public async Task RenewUnchanged_CommitTimesOut_Throws()
    {
        // A deferred trigger makes the commit outlast the command timeout. The statements have
        // returned their rows by then, but no renewal may count as stamped without its commit.
        await using var server = await AuthorityServer.StartAsync(
            AuthorityServer.NewDataDirectory(), TestDatabase.Create(StoreKind.Postgres).WithCommandTimeout(1), ownsDirectory: true, ownsDatabase: true);
        var id = await Seed.AddProductInstanceAsync(server, "DEFAULT", "PID:ASAv,SN:SLOW1", (Seed.Standard2G, 1));
        await server.Database.ExecuteAsync(
            """
            CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(3); RETURN NULL; END $$;
            CREATE CONSTRAINT TRIGGER slow_commit AFTER UPDATE ON "ProductInstances" DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW EXECUTE FUNCTION slow_commit();
            UPDATE "EntitlementBalances" SET "Purchased" = 1;
            """);
        var serial = await server.WithDbAsync(db => db.ProductInstances.Where(p => p.Id == id).Select(p => p.CertificateSerial).SingleAsync(TestContext.Current.CancellationToken));
        using var statements = GroupStatements.Open(server.App.Services.GetRequiredService<HotPathDatabase>());
        var touch = new TouchRequest(id, serial, server.Time.GetUtcNow(), GroupStatements.HoldingsKey([(Seed.Standard2G, 1)]));

        Assert.ThrowsAny<DbException>(() => statements.RenewUnchanged([touch]));
    }

    [Fact]
    public async Task Renewal_BalanceMovedByStamp_NextRenewalChanges()
    {
        // A trigger takes the licenses away as the stamp updates the instance. The statement's
        // snapshot is older, so the renewal stays authorized. The next renewal sees the negative
        // balance and is written in the group's transaction, as any changed renewal is.
        using var device = new TestDevice(Server, "PID:ASAv,SN:MOVED1");
        await device.RegisterAsync(await Seed.CreateTokenAsync(Server));
        await device.AuthorizeAsync((Seed.Standard1G, 1));
        await Server.Database.ExecuteAsync(
            $"""
            CREATE FUNCTION take_licenses() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE "EntitlementBalances" SET "Purchased" = 0 WHERE "Tag" = '{Seed.Standard1G}'; RETURN NULL; END $$;
            CREATE TRIGGER take_licenses AFTER UPDATE ON "ProductInstances" FOR EACH ROW EXECUTE FUNCTION take_licenses();
            """);
        Server.Time.Advance(TimeSpan.FromDays(1));

        var first = await device.AuthorizeAsync((Seed.Standard1G, 1));
        Server.Time.Advance(TimeSpan.FromDays(1));
        var second = await device.AuthorizeAsync((Seed.Standard1G, 1));

        Assert.Equal(EntitlementStatus.Authorized, Assert.Single(first.As<AuthorizationResponse>().Entitlements).Status);
        Assert.Equal(EntitlementStatus.OutOfCompliance, Assert.Single(second.As<AuthorizationResponse>().Entitlements).Status);
        var stored = await Server.WithDbAsync(db => db.ProductInstanceEntitlements.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(EntitlementStatus.OutOfCompliance, stored.Status);
        var entries = await Server.WithDbAsync(db => db.Events.CountAsync(e => e.Actor == device.Udi && e.Message.Contains("requested authorization"), TestContext.Current.CancellationToken));
        Assert.Equal(2, entries);
        var inUse = await Server.WithDbAsync(db => db.EntitlementBalances.Where(b => b.Tag == Seed.Standard1G).SumAsync(b => b.InUse, TestContext.Current.CancellationToken));
        Assert.Equal(1, inUse);
    }

    [Fact]
    public async Task GroupCommit_ChangeThenRenewal_AppliesInOrder()
    {
        // The writer is held in one group while two requests for one instance queue, so both land
        // in the next group. The second matches what the store contains before the first is written,
        // yet it must not take the one-round-trip stamp ahead of the first.
        var id = await Seed.AddProductInstanceAsync(Server, "DEFAULT", "PID:ASAv,SN:TWICE1", (Seed.Standard1G, 1));
        var instance = await InstanceAsync(id);
        var device = new DeviceIdentity(id, instance.Udi, instance.PublicKey, instance.CertificateNotAfter);
        var committer = Server.App.Services.GetRequiredService<GroupCommitter>();
        var authorizer = Server.App.Services.GetRequiredService<HotPathAuthorizer>();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocking = committer.WriteAsync(_ =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return null;
        });
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), "the writer never took the holding change");
        var now = Server.Time.GetUtcNow().AddDays(1);

        var change = authorizer.AuthorizeAsync(device, instance.CertificateSerial, Request(device, now, (Seed.Standard1G, 3)), now);
        var renewal = authorizer.AuthorizeAsync(device, instance.CertificateSerial, Request(device, now, (Seed.Standard1G, 1)), now);
        release.Set();

        Assert.Null(await blocking);
        var changed = Assert.Single(Assert.IsType<AuthorizationResponse>((await change)!.Response).Entitlements);
        var renewed = Assert.Single(Assert.IsType<AuthorizationResponse>((await renewal)!.Response).Entitlements);
        Assert.Equal((3, EntitlementStatus.Authorized), (changed.Count, changed.Status));
        Assert.Equal((1, EntitlementStatus.Authorized), (renewed.Count, renewed.Status));
        var stored = await Server.WithDbAsync(db => db.ProductInstanceEntitlements.AsNoTracking().SingleAsync(e => e.ProductInstanceId == id, TestContext.Current.CancellationToken));
        Assert.Equal(1, stored.Count);
        var inUse = await Server.WithDbAsync(db => db.EntitlementBalances.Where(b => b.Tag == Seed.Standard1G).SumAsync(b => b.InUse, TestContext.Current.CancellationToken));
        Assert.Equal(1, inUse);
        Assert.Equal(now, (await InstanceAsync(id)).LastAuthorizedAt);
    }

    private static AuthorizationRequest Request(DeviceIdentity device, DateTimeOffset now, params (string Tag, int Count)[] entitlements) => new()
    {
        Nonce = Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
        IssuedAt = now,
        Udi = device.Udi,
        Entitlements = [.. entitlements.Select(e => new EntitlementRequest(e.Tag, e.Count))],
    };

    private async Task<TouchRequest> TouchAsync(Guid id, DateTimeOffset now, params (string Tag, int Count)[] entitlements)
    {
        var instance = await InstanceAsync(id);
        return new TouchRequest(id, instance.CertificateSerial, now, GroupStatements.HoldingsKey(entitlements));
    }

    private Task<ProductInstance> InstanceAsync(Guid id) =>
        Server.WithDbAsync(db => db.ProductInstances.AsNoTracking().SingleAsync(p => p.Id == id, TestContext.Current.CancellationToken));

    private async Task<bool> WaitsForRowAsync()
    {
        await using var connection = new NpgsqlConnection(Server.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
