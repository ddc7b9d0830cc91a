using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Bench;

/// <summary>
/// Times the license summary of one virtual account that holds many product instances. The
/// instances, their entitlement rows and the balance are written with set-based SQL while the
/// authority is stopped (the schema comes from a first start), then the authority starts again and
/// the summary is fetched through the Admin API.
/// </summary>
internal static class SummaryProbe
{
    private const int Queries = 20;

    public static async Task<int> RunAsync(BenchOptions options, int instances, string dataDirectory, string? database)
    {
        await using (await ChildServer.StartAsync(ChildServer.AuthorityKind, dataDirectory, database))
        {
            // First start: creates the schema and the default virtual account.
        }

        var prefix = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
        var seeding = Stopwatch.StartNew();
        await using (var connection = Open(dataDirectory, database))
        {
            await connection.OpenAsync();
            await SeedAsync(connection, database is null, instances, prefix);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {instances} product instances in {seeding.Elapsed.TotalSeconds:0.0} s"));

        await using var server = await ChildServer.StartAsync(ChildServer.AuthorityKind, dataDirectory, database);
        using var admin = AdminClient.Create(server.Url, dataDirectory);
        var path = $"/api/v1/licenses?virtualAccount={AdminClient.DefaultVirtualAccount}";
        string first;
        using (var warm = await admin.GetAsync(path))
        {
            first = await warm.Content.ReadAsStringAsync();
            warm.EnsureSuccessStatusCode();
        }

        var times = new List<double>(Queries);
        for (var i = 0; i < Queries; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await admin.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var rssMb = server.ResidentBytes() / 1048576.0;
        Console.WriteLine($"summary: {first}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store={options.Store} summary_instances={instances} summary_p50_ms={times[times.Count / 2]:0.00} summary_max_ms={times[^1]:0.00} queries={Queries} server_rss_mb={rssMb:0}"));
        return 0;
    }

    private static DbConnection Open(string dataDirectory, string? database) =>
        database is null ? new SqliteConnection(SqliteStore.ConnectionString(dataDirectory)) : new NpgsqlConnection(database);

    private static async Task SeedAsync(DbConnection connection, bool sqlite, int instances, string prefix)
    {
        var tag = DeviceFleet.Entitlements[0].Tag;
        await using var transaction = await connection.BeginTransactionAsync();
        int virtualAccountId;
        await using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = """SELECT "Id" FROM "VirtualAccounts" WHERE "Name" = 'DEFAULT'""";
            virtualAccountId = Convert.ToInt32(await find.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        string[] statements = sqlite
            ? [
                $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {instances})
                INSERT INTO "ProductInstances" ("Id", "VirtualAccountId", "Udi", "ProductId", "SerialNumber", "PublicKey", "CertificateSerial",
                    "CertificateNotBefore", "CertificateNotAfter", "RegisteredAt", "LastContactAt", "LastAuthorizedAt", "ExportControlledAllowed", "Version")
                SELECT printf('{prefix}00-0000-4000-8000-%012X', i), {virtualAccountId}, printf('PID:ASAv,SN:S{prefix}%07d', i), 'ASAv',
                    printf('S{prefix}%07d', i), zeroblob(32), printf('5EED{prefix}%08X', i), 0, 9000000000000000000, 0, 0, 0, 1,
                    '00000000-0000-0000-0000-000000000000'
                FROM n
                """,
                $"""
                INSERT INTO "ProductInstanceEntitlements" ("ProductInstanceId", "Tag", "Count", "Status")
                SELECT "Id", '{tag}', 1, 'Authorized' FROM "ProductInstances" WHERE "Id" LIKE '{prefix}00-%'
                """,
            ]
            : [
                $"""
                INSERT INTO "ProductInstances" ("Id", "VirtualAccountId", "Udi", "ProductId", "SerialNumber", "PublicKey", "CertificateSerial",
                    "CertificateNotBefore", "CertificateNotAfter", "RegisteredAt", "LastContactAt", "LastAuthorizedAt", "ExportControlledAllowed", "Version")
                SELECT ('{prefix}00-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, {virtualAccountId}, 'PID:ASAv,SN:S{prefix}' || lpad(i::text, 7, '0'), 'ASAv',
                    'S{prefix}' || lpad(i::text, 7, '0'), decode(repeat('00', 32), 'hex'), '5EED{prefix}' || upper(lpad(to_hex(i), 8, '0')),
                    now(), now() + interval '1 year', now(), now(), now(), true, '00000000-0000-0000-0000-000000000000'::uuid
                FROM generate_series(1, {instances}) AS i
                """,
                $"""
                INSERT INTO "ProductInstanceEntitlements" ("ProductInstanceId", "Tag", "Count", "Status")
                SELECT "Id", '{tag}', 1, 'Authorized' FROM "ProductInstances" WHERE "Udi" LIKE 'PID:ASAv,SN:S{prefix}%'
                """,
            ];

        foreach (var sql in statements)
        {
            await ExecuteAsync(connection, transaction, sql);
        }

        await ExecuteAsync(connection, transaction, $"""
            INSERT INTO "EntitlementBalances" ("VirtualAccountId", "Tag", "Purchased", "InUse", "Version")
            VALUES ({virtualAccountId}, '{tag}', {instances}, {instances}, '00000000-0000-0000-0000-000000000001')
            ON CONFLICT ("VirtualAccountId", "Tag") DO UPDATE SET "Purchased" = "EntitlementBalances"."Purchased" + {instances}, "InUse" = "EntitlementBalances"."InUse" + {instances}
            """);
        await transaction.CommitAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 600;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
