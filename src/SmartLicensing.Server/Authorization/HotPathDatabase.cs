using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// Plain ADO.NET access to the store for the device hot path, on the same database as
/// <see cref="LicensingDbContext"/>. It writes values as the context's converters store them:
/// on SQLite a Guid is upper-case text and a time is UTC ticks; on PostgreSQL they are uuid and
/// timestamptz (microseconds).
/// </summary>
internal sealed class HotPathDatabase : IDisposable
{
    private readonly Lazy<(bool IsSqlite, string ConnectionString, NpgsqlDataSource? Postgres)> _settings;
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public HotPathDatabase(IServiceScopeFactory scopes)
    {
        _settings = new(() =>
        {
            // The context knows the provider and the connection string whatever the host configured.
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            var connectionString = db.Database.GetConnectionString()
                ?? throw new InvalidOperationException("The store has no connection string.");
            return db.Database.IsSqlite()
                ? (true, connectionString, null)
                : (false, connectionString, NpgsqlDataSource.Create(PreparedStatements(connectionString)));
        });
    }

    public bool IsSqlite => _settings.Value.IsSqlite;

    /// <summary>
    /// Has PostgreSQL keep the hot path's statements prepared on each connection, so that a
    /// renewal's statements are not parsed and planned again every time. The hot path runs a
    /// handful of statements, so a few slots suffice.
    /// </summary>
    private static string PreparedStatements(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        MaxAutoPrepare = 32,
        AutoPrepareMinUsages = 2,
    }.ConnectionString;

    /// <summary>Opens a new connection; on SQLite with durable commits (synchronous=FULL).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = _settings.Value;
        if (settings.Postgres is { } dataSource)
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }

        // Microsoft.Data.Sqlite runs its calls synchronously whichever method is used.
        return OpenSqlite(settings.ConnectionString);
    }

    /// <summary>Opens a new connection for the group writer's thread, which blocks on the store anyway.</summary>
    public DbConnection Open()
    {
        var settings = _settings.Value;
        if (settings.Postgres is { } dataSource)
        {
            return dataSource.OpenConnection();
        }

        return OpenSqlite(settings.ConnectionString);
    }

    private static SqliteConnection OpenSqlite(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();

        // WAL with FULL syncs the log on every commit, so a commit survives power loss too.
        // Grouping renewals into one transaction pays for that sync once per group.
        pragma.CommandText = "PRAGMA synchronous=FULL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The turn of <see cref="EnterWriteAsync"/>, waited for on the caller's thread.</summary>
    public IDisposable EnterWrite(CancellationToken cancellationToken)
    {
        if (!IsSqlite)
        {
            return NoTurn.Instance;
        }

        _sqliteWriter.Wait(cancellationToken);
        return new Turn(_sqliteWriter);
    }

    /// <summary>
    /// Waits for this process's turn to write, on SQLite only. SQLite has one writer per file; a
    /// connection that finds the file locked sleeps and polls, which at device rates turns
    /// milliseconds into seconds. Taking turns in the process avoids the polling. PostgreSQL locks
    /// rows, so it needs no turn.
    /// </summary>
    public async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (!IsSqlite)
        {
            return NoTurn.Instance;
        }

        await _sqliteWriter.WaitAsync(cancellationToken);
        return new Turn(_sqliteWriter);
    }

    public object Value(Guid value) => IsSqlite ? value.ToString().ToUpperInvariant() : value;

    public object Value(DateTimeOffset value) => IsSqlite
        ? value.UtcTicks
        : new DateTimeOffset(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    public Guid ReadGuid(DbDataReader reader, int ordinal) =>
        IsSqlite ? Guid.Parse(reader.GetString(ordinal)) : reader.GetGuid(ordinal);

    public DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        IsSqlite ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero) : reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime();

    public static DbCommand Command(DbConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public void Dispose()
    {
        if (_settings.IsValueCreated)
        {
            _settings.Value.Postgres?.Dispose();
        }

        _sqliteWriter.Dispose();
    }

    private sealed class Turn(SemaphoreSlim semaphore) : IDisposable
    {
        private SemaphoreSlim? _semaphore = semaphore;

        public void Dispose() => Interlocked.Exchange(ref _semaphore, null)?.Release();
    }

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
