using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Alerts;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Leases;
using SmartLicensing.Server.Licenses;
using SmartLicensing.Server.Reservations;
using SmartLicensing.Server.Tokens;

namespace SmartLicensing.Server.Storage;

/// <summary>
/// The license server's store: accounts, licenses, tokens, product instances and events. Every
/// feature takes this type; the server registers a subclass per database provider, because
/// EF Core keeps one set of migrations per context type (<see cref="SqliteLicensingDbContext"/>,
/// <see cref="PostgresLicensingDbContext"/>).
/// </summary>
public class LicensingDbContext : DbContext
{
    public LicensingDbContext(DbContextOptions<LicensingDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the provider subclasses, whose options are typed to the subclass.</summary>
    protected LicensingDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<SmartAccount> SmartAccounts => Set<SmartAccount>();

    public DbSet<VirtualAccount> VirtualAccounts => Set<VirtualAccount>();

    public DbSet<LicensePurchase> LicensePurchases => Set<LicensePurchase>();

    public DbSet<EntitlementBalance> EntitlementBalances => Set<EntitlementBalance>();

    public DbSet<RegistrationTokenRecord> RegistrationTokens => Set<RegistrationTokenRecord>();

    public DbSet<ProductInstance> ProductInstances => Set<ProductInstance>();

    public DbSet<ProductInstanceEntitlement> ProductInstanceEntitlements => Set<ProductInstanceEntitlement>();

    public DbSet<EventRecord> Events => Set<EventRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<DatabaseLeaseRecord> Leases => Set<DatabaseLeaseRecord>();

    public DbSet<AlertRecord> Alerts => Set<AlertRecord>();

    public DbSet<Reservation> Reservations => Set<Reservation>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no date type that sorts and compares; UTC ticks do both and keep full precision.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }

        if (Database.IsNpgsql())
        {
            // timestamptz takes only UTC values and keeps microseconds.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcMicrosecondsConverter>();

            // Byte order, as SQLite compares: sorting and uniqueness then do not depend on the
            // locale the database was created with.
            configurationBuilder.Properties<string>().UseCollation(PostgresStore.OrdinalCollation);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<SmartAccount>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(120);
        });

        modelBuilder.Entity<VirtualAccount>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(VirtualAccount.MaxNameLength);
            e.Property(a => a.NormalizedName).HasMaxLength(VirtualAccount.MaxNameLength);
            e.HasIndex(a => new { a.SmartAccountId, a.NormalizedName }).IsUnique();
        });

        modelBuilder.Entity<LicensePurchase>(e =>
        {
            e.Property(p => p.Pid).HasMaxLength(64);
            e.HasIndex(p => p.VirtualAccountId);
            e.HasIndex(p => p.ImportId);
            e.HasIndex(p => p.ExpiresAt);
        });

        modelBuilder.Entity<EntitlementBalance>(e =>
        {
            e.HasKey(b => new { b.VirtualAccountId, b.Tag });
            e.Property(b => b.Tag).HasMaxLength(200);
            e.Ignore(b => b.Balance);
            e.Property(b => b.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<RegistrationTokenRecord>(e =>
        {
            e.HasIndex(t => t.VirtualAccountId);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.Property(t => t.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<ProductInstance>(e =>
        {
            e.Property(p => p.Udi).HasMaxLength(140);
            e.HasIndex(p => p.Udi).IsUnique();
            e.HasIndex(p => p.CertificateSerial).IsUnique();
            e.HasIndex(p => p.VirtualAccountId);

            // No index on the contact and authorization times: every renewal writes them, and an
            // update that changes no indexed column is done in place (PostgreSQL's HOT update)
            // instead of adding an entry to each of the table's indexes. The compliance sweep,
            // which looks for quiet instances, scans the table instead.
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasMany(p => p.Entitlements).WithOne().HasForeignKey(x => x.ProductInstanceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ProductInstanceEntitlement>(e =>
        {
            e.HasKey(x => new { x.ProductInstanceId, x.Tag });
            e.Property(x => x.Tag).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        });

        modelBuilder.Entity<EventRecord>(e =>
        {
            e.HasIndex(x => new { x.VirtualAccountId, x.Time });
            e.HasIndex(x => x.Time);
        });

        modelBuilder.Entity<ApiKeyRecord>(e =>
        {
            e.HasIndex(k => k.KeyHash).IsUnique();
        });

        modelBuilder.Entity<AlertRecord>(e =>
        {
            e.Property(a => a.Kind).HasMaxLength(64);
            e.Property(a => a.Key).HasMaxLength(300);
            e.Property(a => a.Source).HasMaxLength(300);
            e.Property(a => a.Severity).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(a => new { a.Kind, a.ClearedAt });
            e.HasIndex(a => a.VirtualAccountId);
        });

        modelBuilder.Entity<Reservation>(e =>
        {
            e.Property(r => r.Udi).HasMaxLength(140);
            e.Property(r => r.EntitlementTag).HasMaxLength(200);
            e.Property(r => r.AuthorizationCode).HasMaxLength(200);
            e.Property(r => r.ConfirmationCode).HasMaxLength(16);
            e.Property(r => r.ReturnCode).HasMaxLength(200);
            e.HasIndex(r => r.RequestPublicKey).IsUnique();
            e.HasIndex(r => r.Udi);
            e.Property(r => r.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<DatabaseLeaseRecord>(e =>
        {
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(64);
            e.Property(l => l.Holder).HasMaxLength(200);

            // The row exists from the start, so taking the lease is always one conditional update.
            e.HasData(new DatabaseLeaseRecord { Name = DatabaseLeaseRecord.BackgroundJobs, Holder = "", ExpiresAt = DateTimeOffset.UnixEpoch });
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    private sealed class UtcMicrosecondsConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => new DateTimeOffset(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero),
        value => value.ToUniversalTime());
}
