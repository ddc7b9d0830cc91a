using System.Collections.Concurrent;
using System.Data.Common;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// Reads a product instance by ID certificate serial with one prepared statement. Connections
/// and their statements are kept for reuse, so a read costs one lookup and no SQL compilation.
/// </summary>
/// <remarks>
/// The reader keeps its connections rather than returning them to the provider's pool after each
/// read: Microsoft.Data.Sqlite's pool takes one process-wide lock to hand out and take back a
/// connection, and at device rates the requests queue and spin on it.
/// </remarks>
internal sealed class DeviceIdentityReader(HotPathDatabase database) : IDisposable
{
    // Enough for one connection per request in flight on a busy node.
    private const int MaxIdle = 512;

    private const string Sql =
        """SELECT "Id", "VirtualAccountId", "Udi", "PublicKey", "CertificateNotAfter" FROM "ProductInstances" WHERE "CertificateSerial" = @serial""";

    private readonly ConcurrentBag<(DbConnection Connection, DbCommand Command)> _idle = [];

    public async Task<DeviceIdentity?> FindAsync(string serial, CancellationToken cancellationToken)
    {
        var lease = _idle.TryTake(out var idle) ? idle : await OpenAsync(cancellationToken);
        var keep = false;
        try
        {
            lease.Command.Parameters[0].Value = serial;
            DeviceIdentity? identity = null;
            await using (var reader = await lease.Command.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    identity = new DeviceIdentity(
                        database.ReadGuid(reader, 0),
                        reader.GetInt32(1),
                        reader.GetString(2),
                        (byte[])reader.GetValue(3),
                        database.ReadTime(reader, 4));
                }
            }

            keep = true;
            return identity;
        }
        finally
        {
            if (keep && _idle.Count < MaxIdle)
            {
                _idle.Add(lease);
            }
            else
            {
                await lease.Command.DisposeAsync();
                await lease.Connection.DisposeAsync();
            }
        }
    }

    private async Task<(DbConnection Connection, DbCommand Command)> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var command = HotPathDatabase.Command(connection, Sql, "@serial");
        command.Parameters[0].Value = "";
        await command.PrepareAsync(cancellationToken);
        return (connection, command);
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var lease))
        {
            lease.Command.Dispose();
            lease.Connection.Dispose();
        }
    }
}
