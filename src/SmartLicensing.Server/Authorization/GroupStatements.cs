using System.Data.Common;
using System.Globalization;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Events;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// The group writer's connection and its statements, reused for every group. The statements write
/// what the EF Core features write, in plain SQL that SQLite and PostgreSQL both accept.
/// </summary>
internal sealed class GroupStatements : IAsyncDisposable
{
    private readonly HotPathDatabase _database;
    private readonly DbCommand _touchInstance;
    private readonly DbCommand _entitlements;
    private readonly DbCommand _adjustBalance;
    private readonly DbCommand _setEntitlement;
    private readonly DbCommand _deleteEntitlement;
    private readonly DbCommand _addEvent;
    private readonly DbCommand _addInstance;
    private readonly DbCommand _removeInstance;
    private readonly DbCommand _countTokenUse;

    private GroupStatements(HotPathDatabase database, DbConnection connection)
    {
        _database = database;
        Connection = connection;
        _touchInstance = HotPathDatabase.Command(connection,
            """
            UPDATE "ProductInstances" SET "LastAuthorizedAt" = @now, "LastContactAt" = @now, "Version" = @version
            WHERE "Id" = @id AND "CertificateSerial" = @serial
            RETURNING "VirtualAccountId", "ExportControlledAllowed"
            """,
            "@now", "@version", "@id", "@serial");
        _entitlements = HotPathDatabase.Command(connection,
            """SELECT "Tag", "Count" FROM "ProductInstanceEntitlements" WHERE "ProductInstanceId" = @id""",
            "@id");
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
    }

    public DbConnection Connection { get; }

    private DbCommand[] All => [_touchInstance, _entitlements, _adjustBalance, _setEntitlement, _deleteEntitlement, _addEvent, _addInstance, _removeInstance, _countTokenUse];

    public static async Task<GroupStatements> OpenAsync(HotPathDatabase database, CancellationToken cancellationToken) =>
        new(database, await database.OpenAsync(cancellationToken));

    public void Enlist(DbTransaction transaction)
    {
        foreach (var command in All)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>Stamps the instance's contact times if it still has this certificate; null when it does not.</summary>
    public async Task<(int VirtualAccountId, bool ExportControlledAllowed)?> TouchInstanceAsync(Guid id, string serial, DateTimeOffset now)
    {
        Set(_touchInstance, _database.Value(now), _database.Value(Guid.NewGuid()), _database.Value(id), serial);
        await using var reader = await _touchInstance.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return (reader.GetInt32(0), reader.GetBoolean(1));
    }

    public async Task<Dictionary<string, int>> EntitlementsAsync(Guid id)
    {
        Set(_entitlements, _database.Value(id));
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await _entitlements.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = reader.GetInt32(1);
        }

        return rows;
    }

    /// <summary>Moves the in-use total by <paramref name="delta"/> (adding the row if missing) and returns the balance.</summary>
    public async Task<long> AdjustBalanceAsync(int virtualAccountId, string tag, int delta)
    {
        Set(_adjustBalance, virtualAccountId, tag, delta, _database.Value(Guid.NewGuid()));
        return Convert.ToInt64(await _adjustBalance.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task SetEntitlementAsync(Guid id, string tag, int count, EntitlementStatus status)
    {
        Set(_setEntitlement, _database.Value(id), tag, count, status.ToString());
        await _setEntitlement.ExecuteNonQueryAsync();
    }

    public async Task DeleteEntitlementAsync(Guid id, string tag)
    {
        Set(_deleteEntitlement, _database.Value(id), tag);
        await _deleteEntitlement.ExecuteNonQueryAsync();
    }

    public async Task AddEventAsync(DateTimeOffset time, int virtualAccountId, string actor, string message)
    {
        Set(_addEvent, _database.Value(time), virtualAccountId, actor, EventCategories.Device, message);
        await _addEvent.ExecuteNonQueryAsync();
    }

    /// <summary>Adds a new product instance; false when its UDI or serial is taken.</summary>
    public async Task<bool> AddInstanceAsync(ProductInstance instance)
    {
        Set(_addInstance,
            _database.Value(instance.Id), instance.VirtualAccountId, instance.Udi, instance.ProductId, instance.SerialNumber,
            (object?)instance.ProductName ?? DBNull.Value, (object?)instance.ProductVersion ?? DBNull.Value, instance.PublicKey,
            instance.CertificateSerial, _database.Value(instance.CertificateNotBefore), _database.Value(instance.CertificateNotAfter),
            _database.Value(instance.RegisteredAt), instance.ExportControlledAllowed,
            instance.RegisteredWithTokenId is { } token ? _database.Value(token) : DBNull.Value, instance.Reserved, _database.Value(instance.Version));
        return await _addInstance.ExecuteNonQueryAsync() == 1;
    }

    public async Task RemoveInstanceAsync(Guid id)
    {
        Set(_removeInstance, _database.Value(id));
        await _removeInstance.ExecuteNonQueryAsync();
    }

    /// <summary>Counts one use of a token that is neither revoked nor used up; false when it is.</summary>
    public async Task<bool> CountTokenUseAsync(Guid tokenId)
    {
        Set(_countTokenUse, _database.Value(Guid.NewGuid()), _database.Value(tokenId));
        return await _countTokenUse.ExecuteNonQueryAsync() == 1;
    }

    private static void Set(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in All)
        {
            await command.DisposeAsync();
        }

        await Connection.DisposeAsync();
    }
}
