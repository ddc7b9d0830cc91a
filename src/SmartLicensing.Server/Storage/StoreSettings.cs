namespace SmartLicensing.Server.Storage;

/// <summary>Which database the server uses, resolved once at start.</summary>
/// <param name="Kind">The provider.</param>
/// <param name="ConnectionString">Provider connection string; it may hold a password, so it is never printed.</param>
/// <param name="Description">Names the database in messages without any secret: the SQLite file, or host, port, database and user.</param>
public sealed record StoreSettings(StoreKind Kind, string ConnectionString, string Description)
{
    public static StoreSettings Sqlite(string dataDirectory) =>
        new(StoreKind.Sqlite, SqliteStore.ConnectionString(dataDirectory), Path.Combine(dataDirectory, SqliteStore.FileName));

    /// <exception cref="Hosting.AuthorityStartException">The connection string cannot be used; the message names the key.</exception>
    public static StoreSettings Postgres(string connectionString) => PostgresStore.Resolve(connectionString);
}

/// <summary>Database providers the server can use.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}
