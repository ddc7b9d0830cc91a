using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmartLicensing.Server.Storage;

// These build the contexts for the EF Core tools (`dotnet ef migrations add X --context
// SqliteLicensingDbContext` or PostgresLicensingDbContext); the server never uses them and the
// tools never connect.

/// <summary>Design-time factory of the SQLite context.</summary>
internal sealed class SqliteLicensingDbContextFactory : IDesignTimeDbContextFactory<SqliteLicensingDbContext>
{
    public SqliteLicensingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLicensingDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Design-time factory of the PostgreSQL context.</summary>
internal sealed class PostgresLicensingDbContextFactory : IDesignTimeDbContextFactory<PostgresLicensingDbContext>
{
    public PostgresLicensingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLicensingDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
