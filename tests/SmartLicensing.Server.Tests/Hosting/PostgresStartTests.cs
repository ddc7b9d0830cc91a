using System.Net;
using System.Net.Sockets;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Hosting;

public sealed class PostgresStartTests
{
    private const string Secret = "pw-4c1d2f0e9b";

    [Theory]
    [InlineData("Host=127.0.0.1;Hots=db1;Password=" + Secret, "unknown key 'Hots'")]
    [InlineData("Host=127.0.0.1;Port=fifty;Database=smartlic;Password=" + Secret, "key 'Port' has a value 'fifty' that is not a TCP port")]
    [InlineData("Host=127.0.0.1;port=0;Database=smartlic;Password=" + Secret, "key 'port' has a value '0' that is not a TCP port")]
    [InlineData("Host=127.0.0.1;Port=65536;Database=smartlic;Password=" + Secret, "key 'Port' has a value '65536' that is not a TCP port")]
    [InlineData("Host=127.0.0.1;Database=smartlic;Timeout=-3;Password=" + Secret, "key 'Timeout'")]
    [InlineData("Database=smartlic;Password=" + Secret, "no Host key")]
    [InlineData("Host=127.0.0.1;Password=" + Secret, "no Database key")]
    [InlineData("postgres://smartlic:" + Secret + "@127.0.0.1/smartlic", "not a list of key=value pairs")]
    public async Task RunAsync_BadConnectionString_NamesTheKeyNotThePassword(string connectionString, string expected)
    {
        var directory = AuthorityServer.NewDataDirectory();
        try
        {
            var line = await StartFailure.LineAsync(directory, connectionString);

            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task RunAsync_NothingListensOnPort_NamesHostAndPort()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var directory = AuthorityServer.NewDataDirectory();
        try
        {
            var line = await StartFailure.LineAsync(directory, $"Host=127.0.0.1;Port={port};Database=smartlic;Username=smartlic;Password={Secret}");

            Assert.Contains($"Cannot reach the PostgreSQL server at 127.0.0.1:{port}", line, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task RunAsync_WrongPassword_NamesUserNotPassword()
    {
        await using var database = TestDatabase.Create(StoreKind.Postgres);
        var directory = AuthorityServer.NewDataDirectory();
        try
        {
            var line = await StartFailure.LineAsync(directory, database.As("smartlic_test", Secret).ConnectionString);

            Assert.Contains("refused the login of user 'smartlic_test'", line, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Restart_DatabaseSetReadOnly_SaysReadOnly()
    {
        await using var database = TestDatabase.Create(StoreKind.Postgres);
        var directory = AuthorityServer.NewDataDirectory();
        try
        {
            await (await AuthorityServer.StartAsync(directory, database)).DisposeAsync();
            await database.ExecuteAsync($"ALTER DATABASE \"{database.Name}\" SET default_transaction_read_only = on");
            TestDatabase.ClearPools();

            var line = await StartFailure.LineAsync(directory, database.ConnectionString);

            Assert.Contains($"The database '{database.Name}' on ", line, StringComparison.Ordinal);
            Assert.Contains("is read-only", line, StringComparison.Ordinal);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Restart_UserMayOnlyRead_SaysNoPermission()
    {
        var role = $"smartlic_reader_{Guid.NewGuid():N}"[..30];
        await using var database = TestDatabase.Create(StoreKind.Postgres);
        var directory = AuthorityServer.NewDataDirectory();
        try
        {
            await (await AuthorityServer.StartAsync(directory, database)).DisposeAsync();
            await TestDatabase.ExecuteOnServerAsync($"CREATE ROLE {role} LOGIN PASSWORD '{Secret}'");
            await database.ExecuteAsync($"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}");

            var line = await StartFailure.LineAsync(directory, database.As(role, Secret).ConnectionString);

            Assert.Contains("No permission", line, StringComparison.Ordinal);
            Assert.Contains($"'{database.Name}'", line, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
            await database.DisposeAsync();
            await TestDatabase.ExecuteOnServerAsync($"DROP ROLE IF EXISTS {role}");
        }
    }
}
