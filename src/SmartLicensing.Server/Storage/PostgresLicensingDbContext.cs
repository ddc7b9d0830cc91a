using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Devices;

namespace SmartLicensing.Server.Storage;

/// <summary>The store on a PostgreSQL database; owns the migrations under Migrations/Postgres.</summary>
public sealed class PostgresLicensingDbContext(DbContextOptions<PostgresLicensingDbContext> options) : LicensingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Room in each page for the new version of a renewed row, so the update stays on its page
        // and needs no index entries (a HOT update).
        modelBuilder.Entity<ProductInstance>().HasStorageParameter("fillfactor", 80);
    }
}
