using Microsoft.EntityFrameworkCore;

namespace SmartLicensing.Server.Storage;

/// <summary>The store on a PostgreSQL database; owns the migrations under Migrations/Postgres.</summary>
public sealed class PostgresLicensingDbContext(DbContextOptions<PostgresLicensingDbContext> options) : LicensingDbContext(options);
