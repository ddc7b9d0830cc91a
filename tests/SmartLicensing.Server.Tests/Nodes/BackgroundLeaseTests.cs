using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Server.Leases;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Nodes;

public sealed class BackgroundLeaseTests
{
    [Fact]
    public async Task TwoNodes_FirstHoldsLease_OnlyFirstRunsJobsUntilExpiry()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var first = Node.Of(nodes.First);
        var second = Node.Of(nodes.Second);
        await Eventually.TrueAsync(() => first.Lease.IsHeld && first.Heartbeat.Runs == 1, "the first node did not take the lease");

        // The second node tries at every renewal interval while the first keeps renewing.
        for (var i = 0; i < 3; i++)
        {
            var renewedUntil = await first.AdvanceUntilRenewedAsync();
            await second.AdvanceOneIntervalAsync();
            Assert.True(first.Lease.IsHeld);
            Assert.False(second.Lease.IsHeld);
            Assert.True(renewedUntil > nodes.First.Time.GetUtcNow());
        }

        Assert.Equal(0, second.Heartbeat.Runs);

        // The first node's clock no longer moves, so it stops renewing, as a hung node does. Once its
        // term has run out on the second node's clock, the second node takes over.
        await Eventually.TrueAsync(() =>
        {
            nodes.Second.Time.Advance(new LeaseOptions().RenewInterval);
            return second.Lease.IsHeld;
        }, "the second node did not take over after expiry");
        await Eventually.TrueAsync(() => second.Heartbeat.Runs == 1, "the second node did not run the heartbeat");

        await Eventually.TrueAsync(() =>
        {
            nodes.First.Time.Advance(new LeaseOptions().RenewInterval);
            return !first.Lease.IsHeld;
        }, "the first node still believes it holds the lease");
    }

    private sealed record Node(AuthorityServer Server, IDatabaseLease Lease, HeartbeatJob Heartbeat)
    {
        public static Node Of(AuthorityServer server) => new(
            server,
            server.App.Services.GetRequiredService<IDatabaseLease>(),
            server.App.Services.GetRequiredService<HeartbeatJob>());

        /// <summary>Moves the node's clock by a renewal interval or more and waits until its runner renewed.</summary>
        public async Task<DateTimeOffset> AdvanceUntilRenewedAsync()
        {
            var options = new LeaseOptions();
            var target = Server.Time.GetUtcNow() + options.RenewInterval + options.Duration;
            Server.Time.Advance(options.RenewInterval);
            var row = DateTimeOffset.MinValue;
            await Eventually.TrueAsync(async () =>
            {
                row = await Server.WithDbAsync(db => db.Leases.AsNoTracking()
                    .Where(l => l.Name == DatabaseLeaseRecord.BackgroundJobs).Select(l => l.ExpiresAt).SingleAsync(TestContext.Current.CancellationToken));
                if (row >= target)
                {
                    return true;
                }

                // The runner may have set its timer after the clock moved; move it a little more.
                Server.Time.Advance(TimeSpan.FromSeconds(1));
                return false;
            }, "the holder did not renew");
            return row;
        }

        public async Task AdvanceOneIntervalAsync()
        {
            Server.Time.Advance(new LeaseOptions().RenewInterval);
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
