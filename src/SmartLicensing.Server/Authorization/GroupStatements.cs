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
    /// Stamps the instance's contact times if it still has this certificate and reads its
    /// entitlements with their balances. Returns null when the instance no longer has the
    /// certificate. The update locks the row (PostgreSQL) before the entitlements are read.
    /// </summary>
    public TouchedInstance? Touch(Guid id, string serial, DateTimeOffset now)
    {
        if (_prefetched.Remove(id, out var prefetched))
        {
            return prefetched;
        }

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
    /// changes in one round trip: <see cref="Touch"/> for each instance to renew and the statement of
    /// <see cref="AddRegistered"/> for each new instance. The calls that follow take the results.
    /// An instance listed twice is prefetched once, so a second change to it in the same group reads
    /// what the first wrote.
    /// </summary>
    public void Prefetch(IReadOnlyList<PendingWrite> group, DbTransaction transaction)
    {
        _prefetched.Clear();
        _registered.Clear();
        if (!Connection.CanCreateBatch || group.Count < 2)
        {
            return;
        }

        using var batch = Connection.CreateBatch();
        batch.Transaction = transaction;
        var seen = new HashSet<Guid>();
        var order = new List<(Guid Id, bool IsTouch)>();
        foreach (var pending in group)
        {
            if (pending.Touch is (var id, var serial, var now) && seen.Add(id))
            {
                order.Add((id, true));
                batch.BatchCommands.Add(BatchCommand(batch, TouchSql, ["@now", "@version", "@id", "@serial"], [_database.Value(now), _database.Value(Guid.NewGuid()), _database.Value(id), serial]));
                batch.BatchCommands.Add(BatchCommand(batch, HoldingsSql, ["@id"], [_database.Value(id)]));
            }
            else if (pending.Registration is { } registration && seen.Add(registration.Instance.Id))
            {
                order.Add((registration.Instance.Id, false));
                batch.BatchCommands.Add(BatchCommand(batch, RegisterSql, RegisterParameters, RegisterValues(registration)));
            }
        }

        using var reader = batch.ExecuteReader();
        var first = true;
        foreach (var (id, isTouch) in order)
        {
            if (!first)
            {
                reader.NextResult();
            }

            first = false;
            if (isTouch)
            {
                var touched = ReadTouched(reader);
                reader.NextResult();
                var holdings = ReadHoldings(reader);
                _prefetched[id] = touched is { } found ? new TouchedInstance(found.VirtualAccountId, found.ExportControlledAllowed, holdings) : null;
            }
            else
            {
                reader.Read();
                _registered[id] = (reader.GetInt64(0), reader.GetInt64(1));
            }
        }
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
            rows[reader.GetString(0)] = new Holding(
                reader.GetInt32(1),
                Enum.Parse<EntitlementStatus>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture));
        }

        return rows;
    }

    /// <summary>Moves the in-use total by <paramref name="delta"/> (adding the row if missing) and returns the balance.</summary>
    public long AdjustBalance(int virtualAccountId, string tag, int delta)
    {
        Set(_adjustBalance, virtualAccountId, tag, delta, _database.Value(Guid.NewGuid()));
        return Convert.ToInt64(_adjustBalance.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void SetEntitlement(Guid id, string tag, int count, EntitlementStatus status)
    {
        Set(_setEntitlement, _database.Value(id), tag, count, status.ToString());
        _setEntitlement.ExecuteNonQuery();
    }

    public void DeleteEntitlement(Guid id, string tag)
    {
        Set(_deleteEntitlement, _database.Value(id), tag);
        _deleteEntitlement.ExecuteNonQuery();
    }

    public void AddEvent(DateTimeOffset time, int virtualAccountId, string actor, string message)
    {
        Set(_addEvent, _database.Value(time), virtualAccountId, actor, EventCategories.Device, message);
        _addEvent.ExecuteNonQuery();
    }

    /// <summary>
    /// Stores a newly registered instance, counts one use of its token and writes the event entry.
    /// Changes nothing and returns false when the UDI or serial is taken or the token is revoked or used up.
    /// </summary>
    public bool AddRegistered(NewRegistration registration)
    {
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
