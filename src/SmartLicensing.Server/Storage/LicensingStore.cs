using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Server.Hosting;

namespace SmartLicensing.Server.Storage;

/// <summary>
/// Puts the store for the chosen provider into a service collection and makes it ready at start.
/// Features take <see cref="LicensingDbContext"/> whatever the provider.
/// </summary>
public static class LicensingStore
{
    /// <summary>
    /// Registers <see cref="LicensingDbContext"/> as the provider's context type. Contexts are
    /// pooled. Without a pool each request sets up the context's internal services again, which
    /// took about a tenth of a device registration's CPU time.
    /// </summary>
    public static IServiceCollection AddLicensingStore(this IServiceCollection services, StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);

        services.AddSingleton(settings);
        return settings.Kind switch
        {
            StoreKind.Sqlite => services.AddDbContextPool<LicensingDbContext, SqliteLicensingDbContext>(db => Configure(db, settings)),
            StoreKind.Postgres => services.AddDbContextPool<LicensingDbContext, PostgresLicensingDbContext>(db => Configure(db, settings)),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown store kind."),
        };
    }

    /// <summary>Points options at the store; the context type must match the provider.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);

        return settings.Kind switch
        {
            StoreKind.Sqlite => builder.UseSqlite(settings.ConnectionString),
            StoreKind.Postgres => builder.UseNpgsql(settings.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown store kind."),
        };
    }

    /// <summary>
    /// Takes the start-up lock (PostgreSQL; a no-op on SQLite), which other nodes starting at the
    /// same time wait for: migration and first-start seeding then run on one node at a time.
    /// </summary>
    public static async Task<IAsyncDisposable> LockStartupAsync(LicensingDbContext db, StoreSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Kind == StoreKind.Postgres
            ? await PostgresStore.LockStartupAsync(db, cancellationToken)
            : NoLock.Instance;
    }

    /// <summary>Checks the database and applies the migrations this build has.</summary>
    /// <exception cref="AuthorityStartException">The schema is newer than this build, or the database cannot be written.</exception>
    public static async Task PrepareAsync(LicensingDbContext db, StoreSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);

        if (settings.Kind == StoreKind.Sqlite)
        {
            await SqliteStore.PrepareAsync(db, cancellationToken);
        }
        else
        {
            await PostgresStore.CheckWritableAsync(db, settings, cancellationToken);
        }

        await CheckSchemaNotNewerAsync(db, settings, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        if (settings.Kind == StoreKind.Postgres)
        {
            await PostgresStore.CheckPermissionsAsync(db, settings, cancellationToken);
        }
    }

    /// <summary>A database that a newer build migrated may hold data this build would damage.</summary>
    private static async Task CheckSchemaNotNewerAsync(LicensingDbContext db, StoreSettings settings, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var newestKnown = known.Count == 0 ? "none" : known[^1];
        throw new AuthorityStartException(
            $"The database {settings.Description} has schema migration {unknown[^1]}, which this version does not know: a newer version of the server created it. Newest known migration: {newestKnown}. Run the newer version.");
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
