using System.Text.Json;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Licenses;

public abstract class LicenseSummaryTests(StoreKind store) : StoreTests(store)
{
    [Fact]
    public async Task List_PurchasedAndInUse_ShowsBalanceIncludingNegative()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" });
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,2\n");
        await Seed.ImportCsvAsync(server, "Lab", "L-ASAV10S-K9=,5,2099-01-31\nL-ASAV10S-K9=,1,2098-01-31\n");
        await Seed.AddProductInstanceAsync(server, "DEFAULT", "PID:ASAv,SN:1", (Seed.Standard1G, 3));
        await Seed.AddProductInstanceAsync(server, "DEFAULT", "PID:ASAv,SN:2", (Seed.Standard2G, 1));

        var all = await (await server.Client.GetAsync("/api/v1/licenses", TestContext.Current.CancellationToken)).JsonAsync(200);

        var rows = all.EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        var default1G = Row(rows, "DEFAULT", "ASAv-STD-1G");
        Assert.Equal(2, default1G.GetProperty("purchased").GetInt32());
        Assert.Equal(3, default1G.GetProperty("inUse").GetInt32());
        Assert.Equal(-1, default1G.GetProperty("balance").GetInt32());
        Assert.Equal("ASAv10 Standard - 1G", default1G.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, default1G.GetProperty("expires").ValueKind);

        var default2G = Row(rows, "DEFAULT", "ASAv-STD-2G");
        Assert.Equal(0, default2G.GetProperty("purchased").GetInt32());
        Assert.Equal(-1, default2G.GetProperty("balance").GetInt32());

        var lab1G = Row(rows, "Lab", "ASAv-STD-1G");
        Assert.Equal(6, lab1G.GetProperty("purchased").GetInt32());
        Assert.Equal(6, lab1G.GetProperty("balance").GetInt32());
        Assert.Equal(2098, lab1G.GetProperty("expires").GetDateTimeOffset().Year);
    }

    [Fact]
    public async Task List_FilteredByVirtualAccount_ShowsOnlyThatAccount()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" });
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,2\n");
        await Seed.ImportCsvAsync(server, "Lab", "L-ASAV30S-K9=,1\n");

        var lab = await (await server.Client.GetAsync("/api/v1/licenses?virtualAccount=lab", TestContext.Current.CancellationToken)).JsonAsync(200);

        var row = Assert.Single(lab.EnumerateArray().ToList());
        Assert.Equal("Lab", row.GetProperty("virtualAccount").GetString());
        Assert.Equal("ASAv-STD-2G", row.GetProperty("shortTag").GetString());
    }

    [Fact]
    public async Task List_UnknownVirtualAccount_Returns404()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.GetAsync("/api/v1/licenses?virtualAccount=Nowhere", TestContext.Current.CancellationToken);

        await ProblemAssert.HasCodeAsync(response, 404, "virtual-account-not-found");
    }

    private static JsonElement Row(List<JsonElement> rows, string virtualAccount, string shortTag) =>
        rows.Single(r => r.GetProperty("virtualAccount").GetString() == virtualAccount && r.GetProperty("shortTag").GetString() == shortTag);
}

public sealed class SqliteLicenseSummaryTests() : LicenseSummaryTests(StoreKind.Sqlite);

public sealed class PostgresLicenseSummaryTests() : LicenseSummaryTests(StoreKind.Postgres);
