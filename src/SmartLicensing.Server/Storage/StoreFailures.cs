using Microsoft.Data.Sqlite;
using Npgsql;

namespace SmartLicensing.Server.Storage;

/// <summary>Classifies store exceptions: a database that cannot be reached now, or a fault in the code.</summary>
public static class StoreFailures
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN.
    private static readonly int[] SqliteUnavailableCodes = [5, 6, 10, 14];

    /// <summary>
    /// True when the exception, or one it wraps, shows that the database was unreachable, dropped
    /// the connection or could not take the change now. The transaction then did not commit, so the
    /// request may be sent again.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqliteException sqlite when SqliteUnavailableCodes.Contains(sqlite.SqliteErrorCode):
                    return true;
            }
        }

        return false;
    }
}
