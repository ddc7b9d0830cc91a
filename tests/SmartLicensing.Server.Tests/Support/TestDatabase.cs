using Npgsql;
using SmartLicensing.Server.Storage;
using Xunit;

namespace SmartLicensing.Server.Tests.Support;

/// <summary>
/// The store of one test server: a SQLite file in the data folder, or a PostgreSQL database with a
/// random name on the server that <see cref="PostgresVariable"/> points to. The first server started
/// on it creates the PostgreSQL database in its migration, and disposing drops it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Connection string of a PostgreSQL server where the test user may create databases.</summary>
    public const string PostgresVariable = "SMARTLIC_TEST_POSTGRES";

    private TestDatabase(StoreKind kind, string? connectionString, string? name)
    {
        Kind = kind;
        ConnectionString = connectionString;
        Name = name;
    }

    public StoreKind Kind { get; }

    /// <summary>The value for the server's database option; null on SQLite (the file in the data folder).</summary>
    public string? ConnectionString { get; }

    /// <summary>The PostgreSQL database name; null on SQLite.</summary>
    public string? Name { get; }

    /// <summary>
    /// A new, not yet created database. Without PostgreSQL the test is skipped, or fails when
    /// the environment variable CI is true, as CI must run both stores.
    /// </summary>
    public static TestDatabase Create(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
        {
            return new TestDatabase(kind, null, null);
        }

        var server = RequirePostgres();
        var name = $"smartlic_test_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(kind, builder.ConnectionString, name);
    }

    /// <summary>Returns the server connection string, or skips (fails in CI) the test when it is not set.</summary>
    public static string RequirePostgres()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            return server;
        }

        var message = $"PostgreSQL not available: set {PostgresVariable}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " (CI must run the tests on both stores)");
        }

        Assert.Skip(message);
        return null!;
    }

    /// <summary>
    /// The same PostgreSQL database reached through another port on 127.0.0.1, such as a
    /// <see cref="LoopbackProxy"/>; dispose only the original.
    /// </summary>
    public TestDatabase Through(int port)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = port };
        return new TestDatabase(Kind, builder.ConnectionString, Name);
    }

    /// <summary>The same PostgreSQL database as another user.</summary>
    public TestDatabase As(string username, string password)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Username = username, Password = password };
        return new TestDatabase(Kind, builder.ConnectionString, Name);
    }

    /// <summary>The same PostgreSQL database with another command timeout, in seconds.</summary>
    public TestDatabase WithCommandTimeout(int seconds)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { CommandTimeout = seconds };
        return new TestDatabase(Kind, builder.ConnectionString, Name);
    }

    /// <summary>The address of the PostgreSQL server.</summary>
    public System.Net.IPEndPoint ServerEndPoint()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var address = System.Net.IPAddress.TryParse(builder.Host, out var parsed) ? parsed : System.Net.IPAddress.Loopback;
        return new System.Net.IPEndPoint(address, builder.Port);
    }

    /// <summary>Closes the idle pooled connections, so that the next ones see database settings changed since.</summary>
    public static void ClearPools() => NpgsqlConnection.ClearAllPools();

    /// <summary>Runs SQL in this PostgreSQL database as the test user.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>The store settings for a server with this data folder.</summary>
    public StoreSettings Settings(string dataDirectory) =>
        Kind == StoreKind.Sqlite ? StoreSettings.Sqlite(dataDirectory) : StoreSettings.Postgres(ConnectionString!);

    /// <summary>Runs SQL on the PostgreSQL server's maintenance database as the test user.</summary>
    public static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(RequirePostgres());
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind != StoreKind.Postgres)
        {
            return;
        }

        // Idle pooled connections, also those of other users of this database, would block the drop.
        NpgsqlConnection.ClearAllPools();
        // An autovacuum worker in the database makes the forced drop fail for a non-superuser
        // until the worker ends, so the drop is tried again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (attempt < 10 && ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), CancellationToken.None);
            }
        }
    }
}
