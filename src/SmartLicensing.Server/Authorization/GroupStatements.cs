using System.Data.Common;
using System.Globalization;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Events;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// The group writer's connection and its statements, reused for every group. The statements write
/// what the EF Core features write, in plain SQL that SQLite and PostgreSQL both accept. The calls
/// are synchronous: only the writer's own thread makes them, and blocking it costs nothing else,
/// while an awaited call would hand each round trip to the thread pool and back.
/// </summary>
internal sealed class GroupStatements : IDisposable
{
    private readonly HotPathDatabase _database;
    private const string TouchSql =
        """
        UPDATE "ProductInstances" SET "LastAuthorizedAt" = @now, "LastContactAt" = @now, "Version" = @version
        WHERE "Id" = @id AND "CertificateSerial" = @serial
        RETURNING "VirtualAccountId", "ExportControlledAllowed"
        """;

    private const string HoldingsSql =
        """
        SELECT e."Tag", e."Count", e."Status", b."Purchased" - b."InUse"
        FROM "ProductInstanceEntitlements" e
        JOIN "ProductInstances" p ON p."Id" = e."ProductInstanceId"
        LEFT JOIN "EntitlementBalances" b ON b."VirtualAccountId" = p."VirtualAccountId" AND b."Tag" = e."Tag"
        WHERE e."ProductInstanceId" = @id
        """;

    // The group forms of the two statements above, on PostgreSQL: parallel arrays, one element per instance.
    private const string TouchManySql =
        """
        UPDATE "ProductInstances" p SET "LastAuthorizedAt" = t.now, "LastContactAt" = t.now, "Version" = t.version
        FROM unnest(@ids, @serials, @nows, @versions) AS t(id, serial, now, version)
        WHERE p."Id" = t.id AND p."CertificateSerial" = t.serial
        RETURNING p."Id", p."VirtualAccountId", p."ExportControlledAllowed"
        """;

    private const string HoldingsManySql =
        """
        SELECT e."ProductInstanceId", e."Tag", e."Count", e."Status", b."Purchased" - b."InUse"
        FROM "ProductInstanceEntitlements" e
        JOIN "ProductInstances" p ON p."Id" = e."ProductInstanceId"
        LEFT JOIN "EntitlementBalances" b ON b."VirtualAccountId" = p."VirtualAccountId" AND b."Tag" = e."Tag"
        WHERE e."ProductInstanceId" = ANY(@ids)
        """;

    // A renewal that changes nothing but the instance's times, for a whole group at once on
    // PostgreSQL. It stamps an instance only if four things hold. The instance still has the
    // certificate. It uses exactly the entitlements and counts the request names (t.holdings, as
    // HoldingsKey writes them). Each entitlement has a balance row and the status that balance
    // gives. It has export permission where the request needs it. An entitlement row without its
    // balance or with another status gets a "!", which no request's key contains.
    // What it reads must be current, yet a statement reads a snapshot taken before it locks the
    // row. So "seen" is the instance as of that snapshot and "p" the row as locked. Every change
    // to an instance's entitlements also gives the instance a new Version, so equal versions mean
    // the snapshot's entitlement rows are still the instance's.
    // The statement returns the entitlement rows it compared, with their balances, so the
    // response is built from the same snapshot as the check, in the same round trip. The rows
    // come as one text, "tag=count=status=balance" joined by ";", which no catalog tag contains.
    // One aggregate keeps each row's values together, where several would have to see the rows
    // in one order. The tag columns use the "C" collation, so the key is ordered as HoldingsKey
    // orders it.
    private const string RenewUnchangedSql =
        """
        UPDATE "ProductInstances" p SET "LastAuthorizedAt" = t.now, "LastContactAt" = t.now, "Version" = t.version
        FROM unnest(@ids, @serials, @nows, @versions, @holdings, @exports) AS t(id, serial, now, version, holdings, export)
        JOIN "ProductInstances" seen ON seen."Id" = t.id
        CROSS JOIN LATERAL (
            SELECT coalesce(string_agg(e."Tag" || '=' || e."Count" || CASE
                    WHEN b."Tag" IS NOT NULL AND e."Status" = CASE WHEN b."Purchased" >= b."InUse" THEN 'Authorized' ELSE 'OutOfCompliance' END
                    THEN '' ELSE '!' END, ';' ORDER BY e."Tag"), '') AS key,
                string_agg(e."Tag" || '=' || e."Count" || '=' || e."Status" || '=' || coalesce((b."Purchased" - b."InUse")::text, ''), ';') AS rows
            FROM "ProductInstanceEntitlements" e
            LEFT JOIN "EntitlementBalances" b ON b."VirtualAccountId" = seen."VirtualAccountId" AND b."Tag" = e."Tag"
            WHERE e."ProductInstanceId" = t.id) h
        WHERE p."Id" = t.id AND p."CertificateSerial" = t.serial AND p."Version" = seen."Version"
            AND (p."ExportControlledAllowed" OR NOT t.export) AND t.holdings = h.key
        RETURNING p."Id", p."VirtualAccountId", p."ExportControlledAllowed", h.rows
        """;

    // PostgreSQL takes the three writes of a registration in one statement, one round trip instead
    // of three. Each step runs only if the one before it changed a row.
    private const string RegisterSql =
        """
        WITH inserted AS (
            INSERT INTO "ProductInstances" ("Id", "VirtualAccountId", "Udi", "ProductId", "SerialNumber", "ProductName", "ProductVersion",
                "PublicKey", "CertificateSerial", "CertificateNotBefore", "CertificateNotAfter", "RegisteredAt", "LastContactAt",
                "ExportControlledAllowed", "RegisteredWithTokenId", "Reserved", "Version")
            VALUES (@id, @account, @udi, @pid, @sn, @name, @productVersion, @key, @serial, @notBefore, @notAfter, @now, @now, @export, @token, @reserved, @version)
            ON CONFLICT DO NOTHING
            RETURNING "Id"),
        counted AS (
            UPDATE "RegistrationTokens" SET "Uses" = "Uses" + 1, "Version" = @tokenVersion
            WHERE "Id" = @token AND "RevokedAt" IS NULL AND ("MaxUses" IS NULL OR "Uses" < "MaxUses") AND EXISTS (SELECT 1 FROM inserted)
            RETURNING 1),
        logged AS (
            INSERT INTO "Events" ("Time", "VirtualAccountId", "Actor", "Category", "Message")
            SELECT @now, @account, @udi, @category, @message FROM counted)
        SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM counted)
        """;

    private static readonly string[] RegisterParameters =
    [
        "@id", "@account", "@udi", "@pid", "@sn", "@name", "@productVersion", "@key", "@serial", "@notBefore", "@notAfter", "@now", "@export",
        "@token", "@reserved", "@version", "@tokenVersion", "@category", "@message",
    ];

    /// <summary>The parameters <see cref="TouchManySql"/> and <see cref="RenewUnchangedSql"/> share, in order.</summary>
    private static readonly string[] StampParameters = ["@ids", "@serials", "@nows", "@versions"];

    private readonly DbCommand _touchInstance;
    private readonly DbCommand _entitlements;
    private readonly Dictionary<Guid, TouchedInstance?> _prefetched = [];
    private readonly Dictionary<Guid, (long Inserted, long Counted)> _registered = [];
    private readonly DbCommand _adjustBalance;
    private readonly DbCommand _setEntitlement;
    private readonly DbCommand _deleteEntitlement;
    private readonly DbCommand _addEvent;
    private readonly DbCommand _addInstance;
    private readonly DbCommand _removeInstance;
    private readonly DbCommand _countTokenUse;
    private readonly DbCommand? _registerInOneStatement;

    private GroupStatements(HotPathDatabase database, DbConnection connection)
    {
        _database = database;
        Connection = connection;
        _touchInstance = HotPathDatabase.Command(connection, TouchSql, "@now", "@version", "@id", "@serial");
        _entitlements = HotPathDatabase.Command(connection, HoldingsSql, "@id");
        _adjustBalance = HotPathDatabase.Command(connection,
            """
            INSERT INTO "EntitlementBalances" ("VirtualAccountId", "Tag", "Purchased", "InUse", "Version")
            VALUES (@account, @tag, 0, @delta, @version)
            ON CONFLICT ("VirtualAccountId", "Tag") DO UPDATE
            SET "InUse" = "EntitlementBalances"."InUse" + excluded."InUse", "Version" = excluded."Version"
            RETURNING "Purchased" - "InUse"
            """,
            "@account", "@tag", "@delta", "@version");
        _setEntitlement = HotPathDatabase.Command(connection,
            """
            INSERT INTO "ProductInstanceEntitlements" ("ProductInstanceId", "Tag", "Count", "Status")
            VALUES (@id, @tag, @count, @status)
            ON CONFLICT ("ProductInstanceId", "Tag") DO UPDATE SET "Count" = excluded."Count", "Status" = excluded."Status"
            """,
            "@id", "@tag", "@count", "@status");
        _deleteEntitlement = HotPathDatabase.Command(connection,
            """DELETE FROM "ProductInstanceEntitlements" WHERE "ProductInstanceId" = @id AND "Tag" = @tag""",
            "@id", "@tag");
        _addEvent = HotPathDatabase.Command(connection,
            """
            INSERT INTO "Events" ("Time", "VirtualAccountId", "Actor", "Category", "Message")
            VALUES (@time, @account, @actor, @category, @message)
            """,
            "@time", "@account", "@actor", "@category", "@message");
        _addInstance = HotPathDatabase.Command(connection,
            """
            INSERT INTO "ProductInstances" ("Id", "VirtualAccountId", "Udi", "ProductId", "SerialNumber", "ProductName", "ProductVersion",
                "PublicKey", "CertificateSerial", "CertificateNotBefore", "CertificateNotAfter", "RegisteredAt", "LastContactAt",
                "ExportControlledAllowed", "RegisteredWithTokenId", "Reserved", "Version")
            VALUES (@id, @account, @udi, @pid, @sn, @name, @productVersion, @key, @serial, @notBefore, @notAfter, @now, @now, @export, @token, @reserved, @version)
            ON CONFLICT DO NOTHING
            """,
            "@id", "@account", "@udi", "@pid", "@sn", "@name", "@productVersion", "@key", "@serial", "@notBefore", "@notAfter", "@now", "@export", "@token", "@reserved", "@version");
        _removeInstance = HotPathDatabase.Command(connection,
            """DELETE FROM "ProductInstances" WHERE "Id" = @id""",
            "@id");
        _countTokenUse = HotPathDatabase.Command(connection,
            """
            UPDATE "RegistrationTokens" SET "Uses" = "Uses" + 1, "Version" = @version
            WHERE "Id" = @id AND "RevokedAt" IS NULL AND ("MaxUses" IS NULL OR "Uses" < "MaxUses")
            """,
            "@version", "@id");
        if (!database.IsSqlite)
        {
            _registerInOneStatement = HotPathDatabase.Command(connection, RegisterSql, RegisterParameters);
        }
    }

    public DbConnection Connection { get; }

    private DbCommand[] All => _registerInOneStatement is { } combined ? [.. Singles, combined] : Singles;

    private DbCommand[] Singles => [_touchInstance, _entitlements, _adjustBalance, _setEntitlement, _deleteEntitlement, _addEvent, _addInstance, _removeInstance, _countTokenUse];

    public static GroupStatements Open(HotPathDatabase database) => new(database, database.Open());

    public void Enlist(DbTransaction transaction)
    {
        foreach (var command in All)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>
    /// Whether the write methods throw <see cref="WriteRejectedException"/>. The group writer sets
    /// it while it applies the results of <see cref="RenewUnchanged"/>, whose transaction has
    /// committed. A change that must write after all is then written in a transaction.
    /// </summary>
    public bool WritesRejected { get; set; }

    /// <summary>
    /// Formats entitlements and counts as <see cref="RenewUnchangedSql"/> compares them with an
    /// instance's rows, in ordinal tag order (the order of the tag column's C collation).
    /// </summary>
    public static string HoldingsKey(IEnumerable<(string Tag, int Count)> entitlements) =>
        string.Join(';', entitlements
            .OrderBy(e => e.Tag, StringComparer.Ordinal)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Tag}={e.Count}")));

    /// <summary>
    /// On PostgreSQL, stamps each instance of <paramref name="touches"/> whose renewal changes
    /// nothing else, in one statement that also returns the entitlements of those stamped. A
    /// statement outside an explicit transaction commits before PostgreSQL reports it complete.
    /// <see cref="Touch"/> then returns the results of the instances stamped, which this returns.
    /// </summary>
    public HashSet<Guid> RenewUnchanged(IReadOnlyList<TouchRequest> touches)
    {
        _prefetched.Clear();
        var ordered = touches.OrderBy(t => t.Id).ToArray();
        var ids = ordered.Select(t => t.Id).ToArray();
        using var batch = Connection.CreateBatch();
        batch.BatchCommands.Add(BatchCommand(batch, RenewUnchangedSql, [.. StampParameters, "@holdings", "@exports"],
        [
            .. StampValues(ordered, ids),
            ordered.Select(t => t.Holdings ?? string.Empty).ToArray(),
            ordered.Select(t => t.NeedsExportPermission).ToArray(),
        ]));
        var stamped = new HashSet<Guid>();
        using (var reader = batch.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetGuid(0);
                _prefetched[id] = new TouchedInstance(reader.GetInt32(1), reader.GetBoolean(2), ReadHoldingRows(reader, 3));
                stamped.Add(id);
            }

            // The commit point: reading past the last result waits for the report that the
            // statement is complete, which follows the commit. Disposing the reader would wait
            // too, but it ignores a timeout, and the renewals would then get responses without a commit.
            while (reader.NextResult())
            {
            }
        }

        return stamped;
    }

    /// <summary>
    /// Reads the holdings that <see cref="RenewUnchangedSql"/> returns as one text of
    /// "tag=count=status=balance" rows joined by ";", null when the instance uses no entitlement.
    /// The balance is empty when the account has no balance row for the tag.
    /// </summary>
    private static Dictionary<string, Holding> ReadHoldingRows(DbDataReader reader, int ordinal)
    {
        var rows = new Dictionary<string, Holding>(StringComparer.Ordinal);
        if (reader.IsDBNull(ordinal))
        {
            return rows;
        }

        foreach (var row in reader.GetString(ordinal).Split(';'))
        {
            var fields = row.Split('=');
            long parsedBalance = 0;
            if (fields.Length != 4
                || !int.TryParse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
                || !Enum.TryParse<EntitlementStatus>(fields[2], out var status)
                || (fields[3].Length > 0 && !long.TryParse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out parsedBalance)))
            {
                // The writer treats this like a failed statement and writes the group in a transaction.
                throw new InvalidOperationException($"The renewal statement returned an invalid entitlement row '{row}'. Expected tag=count=status=balance.");
            }

            rows[fields[0]] = new Holding(count, status, fields[3].Length == 0 ? null : parsedBalance);
        }

        return rows;
    }

    /// <summary>
    /// Stamps the instance's contact times if it still has this certificate and reads its
    /// entitlements with their balances. Returns null when the instance no longer has the
    /// certificate. The update locks the row (PostgreSQL) before the entitlements are read, except
    /// for an instance <see cref="RenewUnchanged"/> stamped: its entitlements come from the
    /// snapshot that statement checked them in.
    /// </summary>
    public TouchedInstance? Touch(Guid id, string serial, DateTimeOffset now)
    {
        if (_prefetched.Remove(id, out var prefetched))
        {
            return prefetched;
        }

        RejectIfWritesRejected();
        Set(_touchInstance, _database.Value(now), _database.Value(Guid.NewGuid()), _database.Value(id), serial);
        (int VirtualAccountId, bool ExportControlledAllowed)? touched;
        using (var reader = _touchInstance.ExecuteReader())
        {
            touched = ReadTouched(reader);
        }

        if (touched is not { } instance)
        {
            return null;
        }

        Set(_entitlements, _database.Value(id));
        using var holdings = _entitlements.ExecuteReader();
        return new TouchedInstance(instance.VirtualAccountId, instance.ExportControlledAllowed, ReadHoldings(holdings));
    }

    /// <summary>Reads the row the touch statement returned, or null when it updated no row.</summary>
    private static (int VirtualAccountId, bool ExportControlledAllowed)? ReadTouched(DbDataReader reader) =>
        reader.Read() ? (reader.GetInt32(0), reader.GetBoolean(1)) : null;

    /// <summary>
    /// Where the connection takes batches (PostgreSQL), sends the first statements of the group's
    /// changes in one round trip: one statement stamps every instance to renew, one reads all their
    /// entitlements with their balances, and the statement of <see cref="AddRegistered"/> runs for
    /// each new instance. The calls that follow take the results. An instance listed twice is
    /// prefetched once, so a second change to it in the same group reads what the first wrote.
    /// </summary>
    /// <remarks>
    /// Two statements for the whole group, instead of two per renewal, save PostgreSQL a bind, an
    /// executor start and their protocol messages per renewal. The arrays are sorted by id, and
    /// PostgreSQL walks them in order (its plan is a nested loop over the array), so two nodes lock
    /// the instances they share in the same order. A deadlock all the same fails the group, which
    /// is then retried one change at a time.
    /// </remarks>
    public void Prefetch(IReadOnlyList<PendingWrite> group, DbTransaction transaction)
    {
        _prefetched.Clear();
        _registered.Clear();
        if (!Connection.CanCreateBatch || group.Count < 2)
        {
            return;
        }

        var touches = new List<TouchRequest>();
        var registrations = new List<NewRegistration>();
        var seen = new HashSet<Guid>();
        foreach (var pending in group)
        {
            if (pending.Touch is { } touch && seen.Add(touch.Id))
            {
                touches.Add(touch);
            }
            else if (pending.Registration is { } registration && seen.Add(registration.Instance.Id))
            {
                registrations.Add(registration);
            }
        }

        using var batch = Connection.CreateBatch();
        batch.Transaction = transaction;
        var ordered = touches.OrderBy(t => t.Id).ToArray();
        var ids = ordered.Select(t => t.Id).ToArray();
        if (ids.Length > 0)
        {
            batch.BatchCommands.Add(BatchCommand(batch, TouchManySql, StampParameters, StampValues(ordered, ids)));
            batch.BatchCommands.Add(BatchCommand(batch, HoldingsManySql, ["@ids"], [ids]));
        }

        foreach (var registration in registrations)
        {
            batch.BatchCommands.Add(BatchCommand(batch, RegisterSql, RegisterParameters, RegisterValues(registration)));
        }

        using var reader = batch.ExecuteReader();
        if (ids.Length > 0)
        {
            foreach (var (id, instance) in ReadStamped(reader, ids))
            {
                _prefetched[id] = instance;
            }

            reader.NextResult();
        }

        foreach (var registration in registrations)
        {
            reader.Read();
            _registered[registration.Instance.Id] = (reader.GetInt64(0), reader.GetInt64(1));
            reader.NextResult();
        }
    }

    /// <summary>
    /// Builds the values of <see cref="StampParameters"/> for instances in id order: their ids,
    /// certificate serials, times to stamp and new versions, one array element per instance.
    /// </summary>
    private object[] StampValues(TouchRequest[] ordered, Guid[] ids) =>
    [
        ids,
        ordered.Select(t => t.Serial).ToArray(),
        ordered.Select(t => (DateTimeOffset)_database.Value(t.Now)).ToArray(),
        ordered.Select(_ => Guid.NewGuid()).ToArray(),
    ];

    /// <summary>
    /// Reads the results of a group stamp and of <see cref="HoldingsManySql"/> that follows it:
    /// for each of <paramref name="ids"/>, the instance as stamped, or null if it was not.
    /// </summary>
    private static IEnumerable<(Guid Id, TouchedInstance? Instance)> ReadStamped(DbDataReader reader, Guid[] ids)
    {
        var touched = new Dictionary<Guid, (int VirtualAccountId, bool ExportControlledAllowed)>(ids.Length);
        while (reader.Read())
        {
            touched[reader.GetGuid(0)] = (reader.GetInt32(1), reader.GetBoolean(2));
        }

        reader.NextResult();
        var holdings = ReadHoldingsByInstance(reader);
        return ids.Select(id => (id, touched.TryGetValue(id, out var found)
            ? new TouchedInstance(found.VirtualAccountId, found.ExportControlledAllowed, holdings.GetValueOrDefault(id) ?? new(StringComparer.Ordinal))
            : null));
    }

    private static DbBatchCommand BatchCommand(DbBatch batch, string sql, IReadOnlyList<string> names, object[] values)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        for (var i = 0; i < names.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[i];
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static Dictionary<string, Holding> ReadHoldings(DbDataReader reader)
    {
        var rows = new Dictionary<string, Holding>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[reader.GetString(0)] = ReadHolding(reader, 1);
        }

        return rows;
    }

    /// <summary>Reads the rows of <see cref="HoldingsManySql"/>, grouped by instance.</summary>
    private static Dictionary<Guid, Dictionary<string, Holding>> ReadHoldingsByInstance(DbDataReader reader)
    {
        var byInstance = new Dictionary<Guid, Dictionary<string, Holding>>();
        while (reader.Read())
        {
            var id = reader.GetGuid(0);
            if (!byInstance.TryGetValue(id, out var rows))
            {
                byInstance[id] = rows = new Dictionary<string, Holding>(StringComparer.Ordinal);
            }

            rows[reader.GetString(1)] = ReadHolding(reader, 2);
        }

        return byInstance;
    }

    /// <summary>Reads count, status and balance from three columns starting at <paramref name="first"/>.</summary>
    private static Holding ReadHolding(DbDataReader reader, int first) => new(
        reader.GetInt32(first),
        Enum.Parse<EntitlementStatus>(reader.GetString(first + 1)),
        reader.IsDBNull(first + 2) ? null : Convert.ToInt64(reader.GetValue(first + 2), CultureInfo.InvariantCulture));

    /// <summary>Moves the in-use total by <paramref name="delta"/> (adding the row if missing) and returns the balance.</summary>
    public long AdjustBalance(int virtualAccountId, string tag, int delta)
    {
        RejectIfWritesRejected();
        Set(_adjustBalance, virtualAccountId, tag, delta, _database.Value(Guid.NewGuid()));
        return Convert.ToInt64(_adjustBalance.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void SetEntitlement(Guid id, string tag, int count, EntitlementStatus status)
    {
        RejectIfWritesRejected();
        Set(_setEntitlement, _database.Value(id), tag, count, status.ToString());
        _setEntitlement.ExecuteNonQuery();
    }

    public void DeleteEntitlement(Guid id, string tag)
    {
        RejectIfWritesRejected();
        Set(_deleteEntitlement, _database.Value(id), tag);
        _deleteEntitlement.ExecuteNonQuery();
    }

    public void AddEvent(DateTimeOffset time, int virtualAccountId, string actor, string message)
    {
        RejectIfWritesRejected();
        Set(_addEvent, _database.Value(time), virtualAccountId, actor, EventCategories.Device, message);
        _addEvent.ExecuteNonQuery();
    }

    /// <summary>
    /// Stores a newly registered instance, counts one use of its token and writes the event entry.
    /// Changes nothing and returns false when the UDI or serial is taken or the token is revoked or used up.
    /// </summary>
    public bool AddRegistered(NewRegistration registration)
    {
        RejectIfWritesRejected();
        var instance = registration.Instance;
        if (_registerInOneStatement is { } combined)
        {
            if (!_registered.Remove(instance.Id, out var outcome))
            {
                Set(combined, RegisterValues(registration));
                using var reader = combined.ExecuteReader();
                reader.Read();
                outcome = (reader.GetInt64(0), reader.GetInt64(1));
            }

            if (outcome is (1, 0))
            {
                RemoveInstance(instance.Id);
            }

            return outcome.Counted == 1;
        }

        Set(_addInstance, [.. RegisterValues(registration).Take(_addInstance.Parameters.Count)]);
        if (_addInstance.ExecuteNonQuery() != 1)
        {
            return false;
        }

        Set(_countTokenUse, _database.Value(Guid.NewGuid()), _database.Value(registration.TokenId));
        if (_countTokenUse.ExecuteNonQuery() != 1)
        {
            RemoveInstance(instance.Id);
            return false;
        }

        AddEvent(instance.RegisteredAt, instance.VirtualAccountId, instance.Udi, registration.Note);
        return true;
    }

    /// <summary>Builds the values of <see cref="RegisterParameters"/>. The first sixteen are those of the plain insert.</summary>
    private object[] RegisterValues(NewRegistration registration)
    {
        var instance = registration.Instance;
        return
        [
            _database.Value(instance.Id), instance.VirtualAccountId, instance.Udi, instance.ProductId, instance.SerialNumber,
            (object?)instance.ProductName ?? DBNull.Value, (object?)instance.ProductVersion ?? DBNull.Value, instance.PublicKey,
            instance.CertificateSerial, _database.Value(instance.CertificateNotBefore), _database.Value(instance.CertificateNotAfter),
            _database.Value(instance.RegisteredAt), instance.ExportControlledAllowed, _database.Value(registration.TokenId), instance.Reserved,
            _database.Value(instance.Version), _database.Value(Guid.NewGuid()), EventCategories.Device, registration.Note,
        ];
    }

    private void RemoveInstance(Guid id)
    {
        Set(_removeInstance, _database.Value(id));
        _removeInstance.ExecuteNonQuery();
    }

    private void RejectIfWritesRejected()
    {
        if (WritesRejected)
        {
            throw new WriteRejectedException();
        }
    }

    private static void Set(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    public void Dispose()
    {
        foreach (var command in All)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }
}

/// <summary>An entitlement a product instance uses, and the balance of its virtual account when one exists.</summary>
internal readonly record struct Holding(int Count, EntitlementStatus Status, long? Balance);

/// <summary>A product instance the writer stamped: its account, export permission and holdings.</summary>
internal sealed record TouchedInstance(int VirtualAccountId, bool ExportControlledAllowed, Dictionary<string, Holding> Holdings);

/// <summary>A product instance registering for the first time, the token it uses and its event entry.</summary>
internal sealed record NewRegistration(ProductInstance Instance, Guid TokenId, string Note);

/// <summary>Thrown by a write of <see cref="GroupStatements"/> while <see cref="GroupStatements.WritesRejected"/> is set.</summary>
internal sealed class WriteRejectedException() : InvalidOperationException("Writes are rejected here because the group statements run outside a transaction.");
