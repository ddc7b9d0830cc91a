using System.Collections.Concurrent;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// Finds the product instance an ID certificate serial belongs to. The result never changes for a
/// serial: a certificate's key, UDI and end date are fixed, and a re-registered or renewed instance
/// gets a new serial. So results are kept in memory. A kept result is out of date only when the
/// instance no longer has that serial, and the group commit checks that before it writes anything
/// (it updates the instance only while the instance has the serial).
/// </summary>
internal sealed class DeviceIdentityReader(HotPathReader reader, HotPathDatabase database)
{
    // About 200 bytes each. When full, the set is cleared rather than tracking use.
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
