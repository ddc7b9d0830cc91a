using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Hosting;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Hosting;

/// <summary>The authority runs with a vendor's own catalog file, and refuses to start with a bad one.</summary>
public sealed class CatalogFileTests : IDisposable
{
    private const string VendorTag = "regid.2026-01.com.example.VFW-STD,1.0_7d0c1a52-3f4e-4b8a-9c61-2e5f8a9b0c11";

    private readonly string _folder = AuthorityServer.NewDataDirectory();

    public CatalogFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => AuthorityServer.DeleteDirectory(_folder);

    public static TheoryData<string, string> BadCatalogs => new()
    {
        {
            $$"""{ "name": "v", "entitlements": [ { "tag": "{{VendorTag}}", "displayName": "n" } ], "licenses": [] }""",
            "entitlements[0]: field 'shortTag' is missing or empty."
        },
        {
            Catalog("""
                { "pid": "VFW-1=", "description": "a", "kind": "regular", "grants": [ { "shortTag": "VFW-STD", "count": 1 } ] },
                { "pid": "vfw-1=", "description": "b", "kind": "regular", "grants": [ { "shortTag": "VFW-STD", "count": 1 } ] }
                """),
            "duplicate pid 'vfw-1='"
        },
        {
            Catalog("""{ "pid": "VFW-1=", "description": "a", "kind": "regular", "grants": [ { "shortTag": "NOPE", "count": 1 } ] }"""),
            "field 'shortTag' names unknown tag 'NOPE'"
        },
    };

    [Theory]
    [MemberData(nameof(BadCatalogs))]
    public async Task RunAsync_BadCatalogFile_ReturnsOneWithFileEntryAndField(string json, string problem)
    {
        var catalog = Path.Combine(_folder, "vendor.json");
        await File.WriteAllTextAsync(catalog, json, TestContext.Current.CancellationToken);
        var output = new StringWriter();

        var exitCode = await AuthorityHost.RunAsync(
            new AuthorityOptions { DataDirectory = Path.Combine(_folder, "data"), Listen = "https://127.0.0.1:0", CatalogFile = catalog },
            output,
            TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Error: Cannot load the product catalog: " + catalog + ":", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCsv_VendorCatalogPid_AddsItsEntitlement()
    {
        var catalog = Path.Combine(_folder, "vendor.json");
        await File.WriteAllTextAsync(
            catalog,
            Catalog("""{ "pid": "VFW-STD-1=", "description": "Vendor Firewall Standard", "kind": "regular", "grants": [ { "shortTag": "VFW-STD", "count": 1 } ] }"""),
            TestContext.Current.CancellationToken);
        await using var database = TestDatabase.Create(StoreKind.Sqlite);
        await using var server = await AuthorityServer.StartAsync(Path.Combine(_folder, "data"), database, catalogFile: catalog);

        await Seed.ImportCsvAsync(server, "DEFAULT", "VFW-STD-1=,5\n");

        var purchased = await server.WithDbAsync(db => db.EntitlementBalances.Where(b => b.Tag == VendorTag).Select(b => b.Purchased).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(5, purchased);
    }

    private static string Catalog(string licenses) =>
        $$"""
        { "name": "Vendor Firewall", "entitlements": [ { "tag": "{{VendorTag}}", "shortTag": "VFW-STD", "displayName": "Vendor Firewall Standard" } ], "licenses": [ {{licenses}} ] }
        """;
}
