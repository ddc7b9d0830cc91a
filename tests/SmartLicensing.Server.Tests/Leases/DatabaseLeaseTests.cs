using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Server.Leases;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Leases;

public abstract class DatabaseLeaseTests(StoreKind store) : StoreTests(store)
{
    private const string TestLease = "test-lease";
    private static readonly LeaseOptions Options = new() { Duration = TimeSpan.FromSeconds(30), RenewInterval = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task TryAcquire_TwoNodes_OnlyTheFirstHolds()
    {
        await using var server = await StartServerAsync();
        var (first, second) = await TwoNodesAsync(server);

        Assert.True(await first.TryAcquireAsync(TestContext.Current.CancellationToken));
        Assert.False(await second.TryAcquireAsync(TestContext.Current.CancellationToken));

        Assert.True(first.IsHeld);
        Assert.False(second.IsHeld);
        Assert.Equal(first.HolderId, await HolderAsync(server));
    }

    [Fact]
    public async Task TryAcquire_HolderRenewsInTime_KeepsTheLease()
    {
        await using var server = await StartServerAsync();
        var (first, second) = await TwoNodesAsync(server);
        await first.TryAcquireAsync(TestContext.Current.CancellationToken);

        for (var i = 0; i < 5; i++)
        {
            server.Time.Advance(Options.RenewInterval);
            Assert.True(await first.TryAcquireAsync(TestContext.Current.CancellationToken));
            Assert.False(await second.TryAcquireAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task TryAcquire_HolderStopsRenewing_OtherTakesOverAfterExpiry()
    {
        await using var server = await StartServerAsync();
        var (first, second) = await TwoNodesAsync(server);
        await first.TryAcquireAsync(TestContext.Current.CancellationToken);

        server.Time.Advance(Options.Duration - TimeSpan.FromSeconds(1));
        Assert.False(await second.TryAcquireAsync(TestContext.Current.CancellationToken));
        Assert.True(first.IsHeld);

        server.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(first.IsHeld);
        Assert.True(await second.TryAcquireAsync(TestContext.Current.CancellationToken));
        Assert.False(await first.TryAcquireAsync(TestContext.Current.CancellationToken));
        Assert.Equal(second.HolderId, await HolderAsync(server));
    }

    [Fact]
    public async Task Release_Holder_OtherTakesOverAtOnce()
    {
        await using var server = await StartServerAsync();
        var (first, second) = await TwoNodesAsync(server);
        await first.TryAcquireAsync(TestContext.Current.CancellationToken);

        await first.ReleaseAsync(TestContext.Current.CancellationToken);

        Assert.False(first.IsHeld);
        Assert.True(await second.TryAcquireAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Start_OneServer_TakesLeaseAndRunsHeartbeat()
    {
        await using var server = await StartServerAsync();
        var lease = server.App.Services.GetRequiredService<IDatabaseLease>();
        var heartbeat = server.App.Services.GetRequiredService<HeartbeatJob>();

        await Eventually.TrueAsync(() => lease.IsHeld && heartbeat.Runs == 1);

        Assert.Equal(DatabaseLeaseRecord.BackgroundJobs, lease.Name);
        var row = await server.WithDbAsync(db => db.Leases.AsNoTracking().SingleAsync(l => l.Name == DatabaseLeaseRecord.BackgroundJobs, TestContext.Current.CancellationToken));
        Assert.Equal(lease.HolderId, row.Holder);
        Assert.Equal(server.Time.GetUtcNow() + new LeaseOptions().Duration, row.ExpiresAt);
    }

    private static async Task<(DatabaseLease First, DatabaseLease Second)> TwoNodesAsync(AuthorityServer server)
    {
        await server.WithDbAsync(async db =>
        {
            db.Leases.Add(new DatabaseLeaseRecord { Name = TestLease, Holder = "", ExpiresAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var scopes = server.App.Services.GetRequiredService<IServiceScopeFactory>();
        var first = new DatabaseLease(TestLease, scopes, server.Time, Options);
        var second = new DatabaseLease(TestLease, scopes, server.Time, Options);
        Assert.NotEqual(first.HolderId, second.HolderId);
        return (first, second);
    }

    private static Task<string> HolderAsync(AuthorityServer server) =>
        server.WithDbAsync(db => db.Leases.AsNoTracking().Where(l => l.Name == TestLease).Select(l => l.Holder).SingleAsync(TestContext.Current.CancellationToken));
}

public sealed class SqliteDatabaseLeaseTests() : DatabaseLeaseTests(StoreKind.Sqlite);

public sealed class PostgresDatabaseLeaseTests() : DatabaseLeaseTests(StoreKind.Postgres);
