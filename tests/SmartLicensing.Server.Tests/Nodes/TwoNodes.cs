using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;

namespace SmartLicensing.Server.Tests.Nodes;

/// <summary>
/// Two servers on one new PostgreSQL database, sharing one data folder (keys, CA and admin.env)
/// as nodes behind a load balancer do. The first creates the schema and the account.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private TwoNodes(string directory, TestDatabase database, AuthorityServer first, AuthorityServer second)
    {
        Directory = directory;
        Database = database;
        First = first;
        Second = second;
    }

    public string Directory { get; }

    public TestDatabase Database { get; }

    public AuthorityServer First { get; }

    public AuthorityServer Second { get; }

    public static async Task<TwoNodes> StartAsync()
    {
        var database = TestDatabase.Create(StoreKind.Postgres);
        var directory = AuthorityServer.NewDataDirectory();
        AuthorityServer? first = null;
        try
        {
            first = await AuthorityServer.StartAsync(directory, database);
            var second = await AuthorityServer.StartAsync(directory, database);
            return new TwoNodes(directory, database, first, second);
        }
        catch
        {
            if (first is not null)
            {
                await first.DisposeAsync();
            }

            AuthorityServer.DeleteDirectory(directory);
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        AuthorityServer.DeleteDirectory(Directory);
        await Database.DisposeAsync();
    }
}
