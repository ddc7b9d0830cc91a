using Microsoft.EntityFrameworkCore;

namespace SmartLicensing.Server.Storage;

/// <summary>The store on a SQLite file; owns the migrations under Migrations/Sqlite.</summary>
public sealed class SqliteLicensingDbContext(DbContextOptions<SqliteLicensingDbContext> options) : LicensingDbContext(options);
