using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Licenses;

public abstract class LicenseImportTests(StoreKind store) : StoreTests(store)
{
    private const string DefaultLicenses = "/api/v1/virtual-accounts/DEFAULT/licenses";

    [Fact]
    public async Task ImportCsv_ValidFile_AddsPurchasedAndReturnsEntitlements()
    {
        await using var server = await StartServerAsync();
        const string csv = "pid,quantity,expires\n# lab order\n\nL-ASAV10S-K9=,3\r\nl-asav30s-k9=,2,2099-12-31\n";

        var result = await (await PostCsvAsync(server, DefaultLicenses, csv)).JsonAsync(201);

        Assert.NotEqual(Guid.Empty, result.GetProperty("importId").GetGuid());
        var lines = result.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("L-ASAV10S-K9=", lines[0].GetProperty("pid").GetString());
        Assert.Equal(3, lines[0].GetProperty("quantity").GetInt32());
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("expires").ValueKind);
        var entitlement = lines[0].GetProperty("entitlements").EnumerateArray().Single();
        Assert.Equal("ASAv-STD-1G", entitlement.GetProperty("shortTag").GetString());
        Assert.Equal(Seed.Standard1G, entitlement.GetProperty("tag").GetString());
        Assert.Equal(3, entitlement.GetProperty("count").GetInt32());
        Assert.Equal("L-ASAV30S-K9=", lines[1].GetProperty("pid").GetString());
        Assert.Equal(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), lines[1].GetProperty("expires").GetDateTimeOffset());

        var balances = await server.WithDbAsync(db => db.EntitlementBalances.ToDictionaryAsync(b => b.Tag, b => b.Purchased, TestContext.Current.CancellationToken));
        Assert.Equal(3, balances[Seed.Standard1G]);
        Assert.Equal(2, balances[Seed.Standard2G]);
        var events = await server.Client.GetStringAsync("/api/v1/events?virtualAccount=DEFAULT", TestContext.Current.CancellationToken);
        Assert.Contains("3 x L-ASAV10S-K9=", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCsv_SecondImport_AddsToPurchased()
    {
        await using var server = await StartServerAsync();

        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,3\n");
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,4\n");

        var purchased = await server.WithDbAsync(db => db.EntitlementBalances.Where(b => b.Tag == Seed.Standard1G).Select(b => b.Purchased).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(7, purchased);
    }

    [Theory]
    [InlineData("L-ASAV10S-K9=,1\nL-ASAV10S-K9=,2\nL-ASAV10S-K9=,x\n", 3, "quantity 'x' is not a whole number from 1 to 1000000")]
    [InlineData("L-ASAV10S-K9=,0\n", 1, "quantity '0'")]
    [InlineData("L-ASAV10S-K9=,1000001\n", 1, "quantity '1000001'")]
    [InlineData("pid,quantity\nL-ASAV10S-K9=\n", 2, "found 1 field(s)")]
    [InlineData("L-ASAV10S-K9=,1,2030-13-01\n", 1, "expiry '2030-13-01' is not a date")]
    [InlineData("L-ASAV10S-K9=,1,2020-01-01\n", 1, "is in the past")]
    [InlineData("L-ASAV10S-K9=,1,2,3\n", 1, "found 4 field(s)")]
    public async Task ImportCsv_BadLine_FailsWholeImportNamingLine(string csv, int line, string reason)
    {
        await using var server = await StartServerAsync();

        var response = await PostCsvAsync(server, DefaultLicenses, csv);

        var problem = await ProblemAssert.HasCodeAsync(response, 400, "license-import-line-invalid");
        Assert.StartsWith($"Line {line}: ", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains(reason, ProblemAssert.Detail(problem), StringComparison.Ordinal);
        await AssertNothingImportedAsync(server);
    }

    [Fact]
    public async Task ImportCsv_UnknownPid_NamesPidAndLine()
    {
        await using var server = await StartServerAsync();

        var response = await PostCsvAsync(server, DefaultLicenses, "L-ASAV10S-K9=,1\nL-FOO=,1\n");

        var problem = await ProblemAssert.HasCodeAsync(response, 400, "license-pid-unknown");
        Assert.StartsWith("Line 2: PID 'L-FOO=' is not in the catalog", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        await AssertNothingImportedAsync(server);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing\n\n")]
    [InlineData("pid,quantity,expires\n")]
    public async Task ImportCsv_NoLines_Returns400Empty(string csv)
    {
        await using var server = await StartServerAsync();

        var response = await PostCsvAsync(server, DefaultLicenses, csv);

        await ProblemAssert.HasCodeAsync(response, 400, "license-import-empty");
    }

    [Fact]
    public async Task ImportCsv_UnknownVirtualAccount_Returns404()
    {
        await using var server = await StartServerAsync();

        var response = await PostCsvAsync(server, "/api/v1/virtual-accounts/Nowhere/licenses", "L-ASAV10S-K9=,1\n");

        var problem = await ProblemAssert.HasCodeAsync(response, 404, "virtual-account-not-found");
        Assert.Contains("'Nowhere'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportJson_ValidLines_StoresOrderReferenceAndExpiry()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.PostJsonAsync(DefaultLicenses, new
        {
            orderReference = "PO-1",
            lines = new object[]
            {
                new { pid = "L-ASAV10S-K9=", quantity = 2 },
                new { pid = "L-ASAV10S-K9=", quantity = 1, expires = "2098-06-30T12:00:00Z" },
            },
        });

        await response.JsonAsync(201);
        var purchases = await server.WithDbAsync(db => db.LicensePurchases.OrderBy(p => p.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, purchases.Count);
        Assert.All(purchases, p => Assert.Equal("PO-1", p.OrderReference));
        Assert.Equal(purchases[0].ImportId, purchases[1].ImportId);
        Assert.Null(purchases[0].ExpiresAt);
        Assert.Equal(new DateTimeOffset(2098, 6, 30, 12, 0, 0, TimeSpan.Zero), purchases[1].ExpiresAt);
    }

    [Fact]
    public async Task ImportJson_BadSecondLine_FailsWholeImport()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.PostJsonAsync(DefaultLicenses, new
        {
            lines = new object[] { new { pid = "L-ASAV10S-K9=", quantity = 2 }, new { pid = "L-ASAV10S-K9=", quantity = -1 } },
        });

        var problem = await ProblemAssert.HasCodeAsync(response, 400, "license-import-line-invalid");
        Assert.StartsWith("Line 2: quantity '-1'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        await AssertNothingImportedAsync(server);
    }

    [Fact]
    public async Task ImportJson_NoLines_Returns400Empty()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.PostJsonAsync(DefaultLicenses, new { lines = Array.Empty<object>() });

        await ProblemAssert.HasCodeAsync(response, 400, "license-import-empty");
    }

    [Fact]
    public async Task Import_XmlBody_Returns415()
    {
        await using var server = await StartServerAsync();
        using var content = new StringContent("<order/>", Encoding.UTF8, "application/xml");

        var response = await server.Client.PostAsync(DefaultLicenses, content, TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.HasCodeAsync(response, 415, "content-type-unsupported");
        Assert.Contains("application/xml", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostCsvAsync(AuthorityServer server, string path, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return await server.Client.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    private static async Task AssertNothingImportedAsync(AuthorityServer server)
    {
        var (purchases, balances) = await server.WithDbAsync(async db =>
            (await db.LicensePurchases.CountAsync(TestContext.Current.CancellationToken), await db.EntitlementBalances.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, purchases);
        Assert.Equal(0, balances);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/v1/licenses", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class SqliteLicenseImportTests() : LicenseImportTests(StoreKind.Sqlite);

public sealed class PostgresLicenseImportTests() : LicenseImportTests(StoreKind.Postgres);
