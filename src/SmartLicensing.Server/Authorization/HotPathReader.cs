using System.Collections.Concurrent;
using System.Data.Common;

namespace SmartLicensing.Server.Authorization;

/// <summary>A query the device hot path runs on every request, prepared once on each reader connection.</summary>
internal sealed class HotPathQuery(string sql, params string[] parameters)
{
    private static int s_count;

    /// <summary>The query's slot in each connection's array of prepared commands.</summary>
    public int Slot { get; } = Interlocked.Increment(ref s_count) - 1;

    public string Sql { get; } = sql;

    public IReadOnlyList<string> Parameters { get; } = parameters;
}

/// <summary>
/// Runs the device hot path's reads with prepared statements on connections it keeps, so a read
/// costs one lookup and no SQL compilation.
/// </summary>
/// <remarks>
/// The reader keeps its connections rather than returning them to the provider's pool after each
/// read: Microsoft.Data.Sqlite's pool takes one process-wide lock to hand out and take back a
/// connection, and at device rates the requests queue and spin on it.
/// </remarks>
/// <remarks>
/// On PostgreSQL every connection is a server process, and dozens of them woken one after another
/// on a small machine spend more time switching than reading. So reads there take turns on a few
/// connections, each read being one short round trip.
/// </remarks>
internal sealed class HotPathReader(HotPathDatabase database) : IDisposable
{
    // Enough for one connection per request in flight on a busy node.
    private const int MaxIdle = 512;

    private readonly ConcurrentBag<Lease> _idle = [];
    private readonly SemaphoreSlim _postgresTurns = new(2 * Environment.ProcessorCount);

    /// <summary>Runs <paramref name="query"/> and maps its first row, or returns the default when it has none.</summary>
    public async Task<T?> ReadFirstAsync<T>(HotPathQuery query, object[] values, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        if (database.IsSqlite)
        {
            return await ReadAsync(query, values, map, cancellationToken);
        }

        await _postgresTurns.WaitAsync(cancellationToken);
        try
        {
            return await ReadAsync(query, values, map, cancellationToken);
        }
        finally
        {
            _postgresTurns.Release();
        }
    }

    private async Task<T?> ReadAsync<T>(HotPathQuery query, object[] values, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var lease = _idle.TryTake(out var idle) ? idle : new Lease(await database.OpenAsync(cancellationToken));
        var keep = false;
        try
        {
            var command = await lease.CommandAsync(query, values, cancellationToken);

            T? row = default;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    row = map(reader);
                }
            }

            keep = true;
            return row;
        }
        finally
        {
            if (keep && _idle.Count < MaxIdle)
            {
                _idle.Add(lease);
            }
            else
            {
                await lease.DisposeAsync();
            }
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var lease))
        {
            lease.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _postgresTurns.Dispose();
    }

    private sealed class Lease(DbConnection connection) : IAsyncDisposable
    {
        private DbCommand?[] _commands = [];

        /// <summary>Returns the query's command with <paramref name="values"/> bound. It is prepared with the first values, whose types PostgreSQL keeps.</summary>
        public async Task<DbCommand> CommandAsync(HotPathQuery query, object[] values, CancellationToken cancellationToken)
        {
            if (query.Slot < _commands.Length && _commands[query.Slot] is { } prepared)
            {
                Bind(prepared, values);
                return prepared;
            }

            if (query.Slot >= _commands.Length)
            {
                Array.Resize(ref _commands, query.Slot + 1);
            }

            var command = HotPathDatabase.Command(connection, query.Sql, [.. query.Parameters]);
            Bind(command, values);
            await command.PrepareAsync(cancellationToken);
            _commands[query.Slot] = command;
            return command;
        }

        private static void Bind(DbCommand command, object[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i];
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands)
            {
                if (command is not null)
                {
                    await command.DisposeAsync();
                }
            }

            await connection.DisposeAsync();
        }
    }
}
