using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// Writes device changes with group commits: one writer takes every change waiting, applies them
/// one after another in a single transaction, commits, and only then answers them. A change is
/// never acknowledged before the commit that holds it, and a commit's sync to disk is paid once
/// per group instead of once per device. If a group fails, each of its changes is tried in a
/// transaction of its own, and one that fails again is handed back to the general path (null).
/// </summary>
/// <remarks>
/// On PostgreSQL the unchanged renewals of a group commit first, in a batch of their own (see
/// <see cref="RenewUnchanged"/>), and the group's other changes follow in its transaction.
/// </remarks>
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
    /// Whether the writer commits unchanged renewals without a transaction of their own (on
    /// PostgreSQL), so that a <see cref="TouchRequest"/> with its holdings set is worth building.
    /// </summary>
    public bool RenewsUnchangedAtOnce => !_database.IsSqlite;

    /// <summary>
    /// Queues a change and waits until its transaction has committed. <paramref name="apply"/> runs
    /// on the writer, inside the group's transaction, and returns null, changing nothing, when the
    /// rows it expects have changed. For an unchanged renewal on PostgreSQL it may instead run after
    /// the stamp committed, with writes rejected, and a change that must write is then applied
    /// again in the group's transaction. A change that starts with <see cref="GroupStatements.Touch"/>
    /// names the instance in <paramref name="touch"/>, and a change that stores a new instance names
    /// it in <paramref name="registration"/>.
    /// </summary>
    public async Task<DeviceEndpoint.DeviceResult?> WriteAsync(
        Func<GroupStatements, DeviceEndpoint.DeviceResult?> apply,
        TouchRequest? touch = null,
        NewRegistration? registration = null)
    {
        var pending = new PendingWrite(apply, touch, registration);
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

                CommitGroup(group);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping: nothing of an unfinished group was committed.
            foreach (var pending in group)
            {
                Answer(pending, null);
            }
        }

        while (reader.TryRead(out var left))
        {
            Answer(left, null);
        }
    }

    private void CommitGroup(List<PendingWrite> group)
    {
        var rest = RenewsUnchangedAtOnce ? RenewUnchanged(group) : group;
        if (rest.Count == 0 || TryCommit(rest))
        {
            return;
        }

        // One change may have broken the group; give each its own transaction.
        foreach (var pending in rest)
        {
            if (rest.Count == 1 || !TryCommit([pending]))
            {
                Answer(pending, null);
            }
        }
    }

    /// <summary>
    /// On PostgreSQL, commits and responds to the renewals of the group that change nothing but
    /// the instance's times, in one round trip that ends with the commit (see
    /// <see cref="GroupStatements.RenewUnchanged"/>), and returns the changes still to write, in
    /// their order. A transaction would cost a second round trip for its commit, and while the
    /// writer waits for one, the devices of the next group wait too.
    /// </summary>
    private List<PendingWrite> RenewUnchanged(List<PendingWrite> group)
    {
        // Only an instance's first change in the group qualifies, so changes to one instance keep their order.
        var seen = new HashSet<Guid>();
        var candidates = group.Where(p => p.Touch is { } touch && seen.Add(touch.Id) && touch.Holdings is not null).ToList();
        if (candidates.Count == 0)
        {
            return group;
        }

        GroupStatements statements;
        HashSet<Guid> stamped;
        try
        {
            statements = _statements ??= GroupStatements.Open(_database);
            stamped = statements.RenewUnchanged([.. candidates.Select(p => p.Touch!.Value)]);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
        {
            // No response was sent. The stamps may have committed if the connection failed after the
            // commit, which is harmless because the group's transaction stamps them again.
            GroupLog.RenewalsFailed(_logger, candidates.Count, exception);
            DropStatements();
            return group;
        }

        var answered = new List<PendingWrite>(stamped.Count);
        var results = new List<DeviceEndpoint.DeviceResult?>(stamped.Count);
        statements.WritesRejected = true;
        try
        {
            foreach (var pending in candidates.Where(p => stamped.Contains(p.Touch!.Value.Id)))
            {
                try
                {
                    results.Add(pending.Apply(statements));
                    answered.Add(pending);
                }
                catch (WriteRejectedException)
                {
                    // The statement's checks should rule this out: the holdings it returned need a
                    // write after all. Only the stamp committed, so the change is written in the
                    // group's transaction.
                    GroupLog.RenewalChanged(_logger, pending.Touch!.Value.Id);
                }
            }
        }
        finally
        {
            statements.WritesRejected = false;
        }

        AnswerGroup(answered, [.. results], answerOnWriter: false);
        var done = answered.ToHashSet(ReferenceEqualityComparer.Instance);
        return [.. group.Where(p => !done.Contains(p))];
    }

    private bool TryCommit(IReadOnlyList<PendingWrite> group)
    {
        var results = new DeviceEndpoint.DeviceResult?[group.Count];
        try
        {
            using var turn = _database.EnterWrite(_stop.Token);
            var statements = _statements ??= GroupStatements.Open(_database);
            using var transaction = statements.Connection.BeginTransaction();
            statements.Enlist(transaction);
            statements.Prefetch(group, transaction);
            for (var i = 0; i < group.Count; i++)
            {
                results[i] = group[i].Apply(statements);
            }

            transaction.Commit();
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
        {
            GroupLog.GroupFailed(_logger, group.Count, exception);
            DropStatements();
            return false;
        }

        AnswerGroup(group, results, answerOnWriter: _database.IsSqlite);
        return true;
    }

    /// <summary>Closes the connection after a failure, so the next group opens a new one.</summary>
    private void DropStatements()
    {
        if (_statements is { } broken)
        {
            _statements = null;
            broken.Dispose();
        }
    }

    /// <summary>
    /// Sets the committed results in chunks, one thread pool work item per chunk. Each request's
    /// continuation (signing and sending its response) runs on the thread that sets its result, and
    /// one pool wake per chunk costs far less than one per request.
    /// </summary>
    /// <remarks>
    /// With an in-process store (SQLite) the writer sets the first chunk itself, one chunk per
    /// processor but one, so on two processors it responds to the whole group. That keeps it busy in
    /// proportion to the work, so the next group grows instead of syncing the log for one or two
    /// changes. With PostgreSQL the writer waits on the network for every group, so it hands all
    /// the chunks to the pool and starts the next group at once.
    /// </remarks>
    private static void AnswerGroup(IReadOnlyList<PendingWrite> group, DeviceEndpoint.DeviceResult?[] results, bool answerOnWriter)
    {
        var chunks = answerOnWriter ? Math.Max(1, Environment.ProcessorCount - 1) : Environment.ProcessorCount;
        var chunk = Math.Max(1, (group.Count + chunks - 1) / chunks);
        List<(PendingWrite Pending, DeviceEndpoint.DeviceResult? Result)>? own = null;
        for (var start = 0; start < group.Count; start += chunk)
        {
            var answers = new List<(PendingWrite Pending, DeviceEndpoint.DeviceResult? Result)>(chunk);
            for (var i = start; i < Math.Min(start + chunk, group.Count); i++)
            {
                if (results[i] is null)
                {
                    // This request goes on to the EF Core path, which must not delay the others.
                    Answer(group[i], null);
                }
                else
                {
                    answers.Add((group[i], results[i]));
                }
            }

            if (own is null && answerOnWriter)
            {
                own = answers;
            }
            else
            {
                ThreadPool.UnsafeQueueUserWorkItem(static answers => SetResults(answers), answers, preferLocal: false);
            }
        }

        if (own is not null)
        {
            SetResults(own);
        }
    }

    private static void SetResults(List<(PendingWrite Pending, DeviceEndpoint.DeviceResult? Result)> answers)
    {
        foreach (var (pending, result) in answers)
        {
            pending.Completion.TrySetResult(result);
        }
    }

    private static void Answer(PendingWrite pending, DeviceEndpoint.DeviceResult? result) =>
        ThreadPool.UnsafeQueueUserWorkItem(static answer => answer.Pending.Completion.TrySetResult(answer.Result), (Pending: pending, Result: result), preferLocal: false);

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stop.Cancel();
        _writer.Join(TimeSpan.FromSeconds(10));

        _statements?.Dispose();
        _stop.Dispose();
    }

    private static partial class GroupLog
    {
        [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "A group of {Count} device changes did not commit; retrying them one by one")]
        public static partial void GroupFailed(ILogger logger, int count, Exception exception);

        [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Renewing {Count} unchanged product instances in one statement failed; writing them in a transaction instead")]
        public static partial void RenewalsFailed(ILogger logger, int count, Exception exception);

        [LoggerMessage(EventId = 3022, Level = LogLevel.Debug, Message = "The renewal of product instance {InstanceId} must change more than its times after all; writing it in a transaction")]
        public static partial void RenewalChanged(ILogger logger, Guid instanceId);
    }
}
