using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Hosting;

public abstract class StoreStartTests(StoreKind store) : StoreTests(store)
{
    private const string FutureMigration = "20991231000000_FromANewerVersion";

    [Fact]
    public async Task Restart_NewerSchema_FailsNamingNewestKnownMigration()
    {
        var directory = AuthorityServer.NewDataDirectory();
        await using var database = TestDatabase.Create(Store);
        try
        {
            string newestKnown;
            await using (var first = await AuthorityServer.StartAsync(directory, database))
            {
                newestKnown = await first.WithDbAsync(async db =>
                {
                    await db.Database.ExecuteSqlRawAsync(
                        $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('{FutureMigration}', '99.0.0')",
                        TestContext.Current.CancellationToken);
                    return db.Database.GetMigrations().Last();
                });
            }

            var line = await StartFailure.LineAsync(directory, database.ConnectionString);

            Assert.Contains(FutureMigration, line, StringComparison.Ordinal);
            Assert.Contains("newer version", line, StringComparison.Ordinal);
            Assert.Contains($"Newest known migration: {newestKnown}", line, StringComparison.Ordinal);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Restart_SameStore_KeepsDataAndKey()
    {
        var directory = AuthorityServer.NewDataDirectory();
        await using var database = TestDatabase.Create(Store);
        try
        {
            string firstKey;
            await using (var first = await AuthorityServer.StartAsync(directory, database))
            {
                firstKey = first.ApiKey;
                await (await first.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" })).JsonAsync(201);
            }

            await using var second = await AuthorityServer.StartAsync(directory, database);

            Assert.Equal(firstKey, second.ApiKey);
            var accounts = await second.Client.GetStringAsync("/api/v1/virtual-accounts", TestContext.Current.CancellationToken);
            Assert.Contains("\"Lab\"", accounts, StringComparison.Ordinal);
            var smartAccounts = await second.WithDbAsync(db => db.SmartAccounts.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(1, smartAccounts);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }
}

public sealed class SqliteStoreStartTests() : StoreStartTests(StoreKind.Sqlite);

public sealed class PostgresStoreStartTests() : StoreStartTests(StoreKind.Postgres);
