using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SmartLicensing.Server.Hosting;

namespace SmartLicensing.Server.Storage;

/// <summary>The PostgreSQL database: connection string checks, the start-up lock and the checks made at start.</summary>
public static class PostgresStore
{
    /// <summary>Column collation for text: compares bytes, like SQLite's default.</summary>
    public const string OrdinalCollation = "C";

    // Serialises migration and first-start seeding when several nodes start at once ("smlc").
    private const long StartupLockKey = 0x736D6C63;

    private static readonly string[] SecretKeys = ["Password", "SSL Password"];

    /// <summary>Checks a connection string key by key, so a message can name the key at fault.</summary>
    /// <exception cref="AuthorityStartException">The text is not a connection string, a key is unknown or a value is invalid.</exception>
    public static StoreSettings Resolve(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);

        var pairs = new DbConnectionStringBuilder();
        try
        {
            pairs.ConnectionString = connectionString;
        }
        catch (ArgumentException ex)
        {
            throw new AuthorityStartException(
                "The database connection string is not a list of key=value pairs separated by ';'. Write it as Host=127.0.0.1;Port=5432;Database=smartlic;Username=smartlic;Password=...", ex);
        }

        var builder = new NpgsqlConnectionStringBuilder();
        foreach (string key in pairs.Keys)
        {
            var value = Convert.ToString(pairs[key], CultureInfo.InvariantCulture) ?? "";
            var isPort = string.Equals(key, "Port", StringComparison.OrdinalIgnoreCase);
            try
            {
                builder[key] = value;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                var spelling = OriginalSpelling(connectionString, key);
                throw new AuthorityStartException(isPort ? PortMessage(spelling, value) : BadKeyMessage(builder, spelling, value), ex);
            }

            // The builder accepts a port above 65535, and connecting then throws ArgumentOutOfRangeException.
            if (isPort && builder.Port > IPEndPoint.MaxPort)
            {
                throw new AuthorityStartException(PortMessage(OriginalSpelling(connectionString, key), value));
            }
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new AuthorityStartException("The database connection string has no Host key. Add Host=<server name or address> (and Port= when it is not 5432).");
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new AuthorityStartException("The database connection string has no Database key. Add Database=<name>; the server creates the database when the user may.");
        }

        return new StoreSettings(StoreKind.Postgres, builder.ConnectionString, Describe(builder));
    }

    /// <summary>
    /// Creates the database when it is missing, then takes the start-up lock. Other nodes that
    /// start at the same time wait for it. Dispose the result to release the lock.
    /// </summary>
    public static async Task<IAsyncDisposable> LockStartupAsync(LicensingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another node created it first.
            }
        }

        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", StartupLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Fails when the server or the user cannot write: a standby, a read-only database or session.</summary>
    public static async Task CheckWritableAsync(LicensingDbContext db, StoreSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);

        var readOnly = await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_read_only') AS \"Value\"").SingleAsync(cancellationToken);
        if (string.Equals(readOnly, "on", StringComparison.Ordinal))
        {
            throw new AuthorityStartException(
                $"The database {settings.Description} is read-only (transaction_read_only is on): it is a standby or set read-only. Point the connection string at a primary server that accepts writes.");
        }
    }

    /// <summary>Fails when the user may not read and write every table of the store.</summary>
    public static async Task CheckPermissionsAsync(LicensingDbContext db, StoreSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);

        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToArray();
        var denied = await db.Database
            .SqlQueryRaw<string>(
                "SELECT t AS \"Value\" FROM unnest(@p0::text[]) AS t WHERE NOT has_table_privilege(quote_ident(t), 'SELECT, INSERT, UPDATE, DELETE') ORDER BY t",
                new NpgsqlParameter("p0", tables))
            .ToListAsync(cancellationToken);
        if (denied.Count > 0)
        {
            throw new AuthorityStartException(
                $"No permission to change the tables {string.Join(", ", denied)} in {settings.Description}. Grant SELECT, INSERT, UPDATE and DELETE on them, or connect as the database owner.");
        }
    }

    /// <summary>Returns the one-line reason for a failure to reach or use the server at start, or null for other faults.</summary>
    public static string? DescribeStartFailure(Exception exception, StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(settings);

        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var server = $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";
        var postgres = Find<PostgresException>(exception);
        if (postgres is not null)
        {
            return postgres.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                    $"The PostgreSQL server at {server} refused the login of user '{builder.Username}': {postgres.MessageText}. Correct Username and Password in the connection string.",
                PostgresErrorCodes.InsufficientPrivilege =>
                    $"No permission in {settings.Description}: {postgres.MessageText}. Grant the user the rights to create and change the store's tables, or connect as the database owner.",
                PostgresErrorCodes.ReadOnlySqlTransaction =>
                    $"The database {settings.Description} is read-only: {postgres.MessageText}. Point the connection string at a primary server that accepts writes.",
                PostgresErrorCodes.InvalidCatalogName =>
                    $"The database {settings.Description} does not exist and could not be created: {postgres.MessageText}. Create it or let the user create databases.",
                _ => $"The PostgreSQL server at {server} answered error {postgres.SqlState}: {postgres.MessageText}",
            };
        }

        var npgsql = Find<NpgsqlException>(exception);
        if (npgsql is null)
        {
            return null;
        }

        var socket = Find<SocketException>(exception);
        if (socket is not null)
        {
            return $"Cannot reach the PostgreSQL server at {server}: {socket.Message}. Start the server or correct Host and Port in the connection string.";
        }

        if (Find<TimeoutException>(exception) is not null)
        {
            return $"The PostgreSQL server at {server} did not answer within {builder.Timeout.ToString(CultureInfo.InvariantCulture)} seconds. Check that it runs and that Host and Port are right.";
        }

        return $"Cannot use the PostgreSQL server at {server}: {npgsql.Message}";
    }

    internal static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static string PortMessage(string key, string value) =>
        $"The database connection string key '{key}' has a value '{value}' that is not a TCP port. Use a port from 1 to {IPEndPoint.MaxPort}; PostgreSQL listens on 5432 by default.";

    private static string BadKeyMessage(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        if (!builder.ContainsKey(key))
        {
            return $"The database connection string has an unknown key '{key}'. Use the PostgreSQL keys Host, Port, Database, Username and Password (and others Npgsql knows).";
        }

        var shown = SecretKeys.Contains(key, StringComparer.OrdinalIgnoreCase) ? "" : $" '{value}'";
        return $"The database connection string key '{key}' has a value{shown} that is not valid for it. Correct that value.";
    }

    // DbConnectionStringBuilder gives keys in lower case; messages name the key as the user wrote it.
    private static string OriginalSpelling(string connectionString, string key)
    {
        var match = Regex.Match(connectionString, $@"(?:^|;)\s*({Regex.Escape(key)})\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value : key;
    }

    private static string Describe(NpgsqlConnectionStringBuilder builder) =>
        string.Create(CultureInfo.InvariantCulture, $"'{builder.Database}' on {builder.Host}:{builder.Port} as user '{builder.Username}'");

    private sealed class StartupLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", StartupLockKey);
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // A lost connection has released the lock already; the server ends the session.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
