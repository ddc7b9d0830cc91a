using SmartLicensing.Cli.Tests.Support;

namespace SmartLicensing.Cli.Tests.Commands;

/// <summary><c>--catalog</c> of <c>smartlic authority</c> and <c>smartlic asa</c>, and ASAv models taken from the catalog.</summary>
public sealed class CatalogOptionTests : IDisposable
{
    private const string UnknownTagCatalog = """
        { "name": "Vendor Firewall",
          "entitlements": [ { "tag": "regid.2026-01.com.example.VFW-STD,1.0_7d0c1a52-3f4e-4b8a-9c61-2e5f8a9b0c11", "shortTag": "VFW-STD", "displayName": "Vendor Firewall Standard" } ],
          "licenses": [ { "pid": "VFW-1=", "description": "a", "kind": "regular", "grants": [ { "shortTag": "NOPE", "count": 1 } ] } ] }
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("smartlic-cli-catalog-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Asa_Asav100_Boots()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("asa", "--data", _data, "--model", "ASAv100");

        Assert.Equal(0, exitCode);
        Assert.Contains("Booting ASAv100:", cli.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asa_BadCatalog_Exits2WithFileEntryAndField()
    {
        var catalog = await WriteCatalogAsync();
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("asa", "--data", Path.Combine(_data, "asa"), "--catalog", catalog);

        Assert.Equal(2, exitCode);
        var text = cli.Output.ToString() + cli.Error.ToString();
        Assert.Contains($"ERROR: Cannot load the product catalog: {catalog}: licenses[0] (VFW-1=) grants[0]: field 'shortTag' names unknown tag 'NOPE'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authority_BadCatalog_Exits1WithFileEntryAndField()
    {
        var catalog = await WriteCatalogAsync();
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("authority", "--data", Path.Combine(_data, "authority"), "--listen", "https://127.0.0.1:0", "--catalog", catalog);

        Assert.Equal(1, exitCode);
        var text = cli.Output.ToString() + cli.Error.ToString();
        Assert.Contains($"Error: Cannot load the product catalog: {catalog}: licenses[0] (VFW-1=) grants[0]: field 'shortTag' names unknown tag 'NOPE'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    private async Task<string> WriteCatalogAsync()
    {
        var catalog = Path.Combine(_data, "vendor.json");
        await File.WriteAllTextAsync(catalog, UnknownTagCatalog, TestContext.Current.CancellationToken);
        return catalog;
    }
}
