using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SmartLicensing.Server.Storage;

/// <summary>The SQLite file in the data folder: its connection string and the settings applied at start.</summary>
public static class SqliteStore
{
    public const string FileName = "smartlic.db";

    // Microsoft.Data.Sqlite retries a busy database until the command timeout, so this is the busy timeout.
    private const int BusyTimeoutSeconds = 30;

    public static string ConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, FileName),
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = BusyTimeoutSeconds,
        Pooling = true,
    }.ToString();

    /// <summary>Switches the file to write-ahead logging, so readers do not block the writer.</summary>
    public static async Task PrepareAsync(LicensingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        // The journal mode is stored in the file; setting it on every start is harmless.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout=30000;", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
