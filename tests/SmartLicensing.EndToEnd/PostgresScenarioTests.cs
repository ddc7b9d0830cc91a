using Npgsql;
using SmartLicensing.EndToEnd.Support;

namespace SmartLicensing.EndToEnd;

/// <summary>
/// The real <c>smartlic authority --database</c> on PostgreSQL: an ASAv registers, is authorized and
/// deregisters, and the balances live in the PostgreSQL database, not in a SQLite file.
/// </summary>
public sealed class PostgresScenarioTests
{
    private const string ServerVariable = "SMARTLIC_TEST_POSTGRES";
    private static readonly string OrderCsv = Path.Combine(AppContext.BaseDirectory, "orders", "asav-order.csv");

    [Fact]
    public async Task Authority_OnPostgres_RegistersAndFreesLicense()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                $"{ServerVariable} must be set in CI.");
            Assert.Skip($"PostgreSQL not available: set {ServerVariable}");
        }

        var databaseName = $"smartlic_e2e_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {databaseName}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;
            await using var authority = new AuthorityProcess { Database = connectionString };
            await authority.InitializeAsync();

            (await authority.AdminAsync("license", "import", OrderCsv)).EnsureSuccess();
            var token = (await authority.AdminAsync("token", "create", "--virtual-account", "DEFAULT")).EnsureSuccess().Output.Trim();
            using var device = new AsaDevice(authority);

            var registered = await device.RunConfiguredAsync($"license smart register idtoken {token}", "show license all");

            registered.EnsureSuccess();
            Assert.True(registered.Output.Contains("Status: REGISTERED", StringComparison.Ordinal), registered.Output + authority.Log);
            Assert.True(registered.Output.Contains("ASAv10 Standard - 1G (ASAv-STD-1G)", StringComparison.Ordinal), registered.Output);
            Assert.Equal(1, await InUseAsync(connectionString));
            Assert.False(File.Exists(Path.Combine(authority.DataDirectory, "smartlic.db")), "the SQLite file was created although --database was given");

            (await device.RunConfiguredAsync("license smart deregister")).EnsureSuccess();

            Assert.Equal(0, await InUseAsync(connectionString));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)");
        }
    }

    private static async Task<int> InUseAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"InUse\" FROM \"EntitlementBalances\" WHERE \"Tag\" LIKE 'regid.2014-08.com.cisco.ASAv-STD-1G,%'", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
