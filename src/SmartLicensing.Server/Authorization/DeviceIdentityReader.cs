using System.Collections.Concurrent;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// Finds the product instance an ID certificate serial belongs to. What it returns never changes
/// for a serial: a certificate's key, UDI and end date are fixed, and a re-registered or renewed
/// instance gets a new serial. So answers are kept in memory, and a kept answer can only be out of
/// date in one way, the instance no longer having that serial, which the group commit checks
/// (it updates the instance only while it has the serial) before anything is written.
/// </summary>
internal sealed class DeviceIdentityReader(HotPathReader reader, HotPathDatabase database)
{
    // About 200 bytes each; the set starts again when full rather than tracking use.
    private const int MaxKept = 200_000;

    private static readonly HotPathQuery BySerial = new(
        """SELECT "Id", "Udi", "PublicKey", "CertificateNotAfter" FROM "ProductInstances" WHERE "CertificateSerial" = @serial""",
        "@serial");

    private readonly ConcurrentDictionary<string, DeviceIdentity> _known = new(StringComparer.Ordinal);

    public async Task<DeviceIdentity?> FindAsync(string serial, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(serial, out var known))
        {
            return known;
        }

        var identity = await reader.ReadFirstAsync(BySerial, [serial], row => new DeviceIdentity(
            database.ReadGuid(row, 0),
            row.GetString(1),
            (byte[])row.GetValue(2),
            database.ReadTime(row, 3)), cancellationToken);
        if (identity is not null)
        {
            if (_known.Count >= MaxKept)
            {
                _known.Clear();
            }

            _known[serial] = identity;
        }

        return identity;
    }
}
