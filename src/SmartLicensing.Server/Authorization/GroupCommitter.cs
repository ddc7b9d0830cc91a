using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// Writes device changes with group commits: one writer takes every change waiting, applies them
/// one after another in a single transaction, commits, and only then answers them. A change is
/// never acknowledged before the commit that holds it, and a commit's sync to disk is paid once
/// per group instead of once per device. If a group fails, each of its changes is tried in a
/// transaction of its own; one that fails again is handed back to the general path (null).
/// </summary>
internal sealed partial class GroupCommitter : IDisposable
{
    private const int MaxGroup = 512;

    private readonly HotPathDatabase _database;
    private readonly ILogger<GroupCommitter> _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _writer;
    private GroupStatements? _statements;

    public GroupCommitter(HotPathDatabase database, ILogger<GroupCommitter> logger)
    {
        _database = database;
        _logger = logger;
        // A thread of its own, not the thread pool: SQLite's calls block while a commit syncs to
        // disk, and a blocked pool thread delays every request waiting for one.
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "Device group commit" };
        _writer.Start();
    }

    /// <summary>
    /// Queues a change and waits until its transaction has committed. <paramref name="apply"/> runs
    /// on the writer, inside the group's transaction; it returns null, changing nothing, when the
    /// rows it expects have changed.
    /// </summary>
    public async Task<DeviceEndpoint.DeviceResult?> WriteAsync(Func<GroupStatements, Task<DeviceEndpoint.DeviceResult?>> apply)
    {
        var pending = new PendingWrite(apply);
        if (!_queue.Writer.TryWrite(pending))
        {
            return null;
        }

        // Not cancelled when the device hangs up: the change may already be committing.
        return await pending.Completion.Task;
    }

    private void WriteLoop()
    {
        var group = new List<PendingWrite>(MaxGroup);
        var reader = _queue.Reader;
        try
        {
            while (reader.WaitToReadAsync(_stop.Token).AsTask().GetAwaiter().GetResult())
            {
                group.Clear();
                while (group.Count < MaxGroup && reader.TryRead(out var pending))
                {
                    group.Add(pending);
                }

                CommitGroupAsync(group).GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping: nothing of an unfinished group was committed.
            foreach (var pending in group)
            {
                pending.Completion.TrySetResult(null);
            }
        }

        while (reader.TryRead(out var left))
        {
            left.Completion.TrySetResult(null);
        }
    }

    private async Task CommitGroupAsync(List<PendingWrite> group)
    {
        if (await TryCommitAsync(group))
        {
            return;
        }

        // One change may have broken the group; give each its own transaction.
        foreach (var pending in group)
        {
            if (group.Count == 1 || !await TryCommitAsync([pending]))
            {
                pending.Completion.TrySetResult(null);
            }
        }
    }

    private async Task<bool> TryCommitAsync(IReadOnlyList<PendingWrite> group)
    {
        var results = new DeviceEndpoint.DeviceResult?[group.Count];
        try
        {
            using var turn = await _database.EnterWriteAsync(_stop.Token);
            var statements = _statements ??= await GroupStatements.OpenAsync(_database, _stop.Token);
            await using var transaction = await statements.Connection.BeginTransactionAsync(_stop.Token);
            statements.Enlist(transaction);
            for (var i = 0; i < group.Count; i++)
            {
                results[i] = await group[i].Apply(statements);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
        {
            GroupLog.GroupFailed(_logger, group.Count, exception);
            if (_statements is { } broken)
            {
                _statements = null;
                await broken.DisposeAsync();
            }

            return false;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Completion.TrySetResult(results[i]);
        }

        return true;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stop.Cancel();
        _writer.Join(TimeSpan.FromSeconds(10));

        _statements?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private static partial class GroupLog
    {
        [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "A group of {Count} device changes did not commit; retrying them one by one")]
        public static partial void GroupFailed(ILogger logger, int count, Exception exception);
    }
}
