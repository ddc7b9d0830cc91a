using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Licenses;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Storage;

public abstract class StoreTypeTests(StoreKind store) : StoreTests(store)
{
    [Fact]
    public async Task SaveChanges_RowChangedByAnotherContext_ThrowsConcurrencyException()
    {
        await using var server = await StartServerAsync();
        await server.WithDbAsync(async db =>
        {
            db.EntitlementBalances.Add(new EntitlementBalance { VirtualAccountId = 1, Tag = Seed.Standard1G, Purchased = 5, Version = Guid.NewGuid() });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        await server.WithDbAsync(async first => await server.WithDbAsync(async second =>
        {
            var mine = await first.EntitlementBalances.SingleAsync(TestContext.Current.CancellationToken);
            var theirs = await second.EntitlementBalances.SingleAsync(TestContext.Current.CancellationToken);
            theirs.InUse += 1;
            theirs.Version = Guid.NewGuid();
            await second.SaveChangesAsync(TestContext.Current.CancellationToken);

            mine.InUse += 2;
            mine.Version = Guid.NewGuid();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync(TestContext.Current.CancellationToken));
        }));

        var stored = await server.WithDbAsync(db => db.EntitlementBalances.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, stored.InUse);
    }

    [Fact]
    public async Task SaveChanges_TimeWithOffset_KeepsInstantInUtc()
    {
        await using var server = await StartServerAsync();
        var early = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.FromHours(2));
        var late = new DateTimeOffset(2026, 5, 1, 11, 0, 0, TimeSpan.Zero);
        await server.WithDbAsync(async db =>
        {
            db.Events.Add(new EventRecord { Time = late, Actor = "test", Category = EventCategories.Account, Message = "late" });
            db.Events.Add(new EventRecord { Time = early, Actor = "test", Category = EventCategories.Account, Message = "early" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var events = await server.WithDbAsync(db => db.Events.AsNoTracking()
            .Where(e => e.Actor == "test" && e.Time >= early)
            .OrderBy(e => e.Time)
            .ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["early", "late"], events.Select(e => e.Message));
        Assert.Equal(early, events[0].Time);
        Assert.Equal(TimeSpan.Zero, events[0].Time.Offset);
    }

    [Fact]
    public async Task OrderBy_Text_ComparesOrdinally()
    {
        await using var server = await StartServerAsync();
        await server.WithDbAsync(async db =>
        {
            foreach (var message in new[] { "b", "B", "a", "A", "_" })
            {
                db.Events.Add(new EventRecord { Time = server.Time.GetUtcNow(), Actor = "order", Category = EventCategories.Account, Message = message });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var messages = await server.WithDbAsync(db => db.Events.AsNoTracking()
            .Where(e => e.Actor == "order").OrderBy(e => e.Message).Select(e => e.Message)
            .ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["A", "B", "_", "a", "b"], messages);
    }
}

public sealed class SqliteStoreTypeTests() : StoreTypeTests(StoreKind.Sqlite);

public sealed class PostgresStoreTypeTests() : StoreTypeTests(StoreKind.Postgres);
