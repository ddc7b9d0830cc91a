using SmartLicensing.Asa.Tests.Fakes;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Tests.Cli;

/// <summary>The device boots with a vendor's catalog file, and refuses to boot with a bad one.</summary>
public sealed class CatalogFileOptionTests : IDisposable
{
    private const string Tag = "regid.2026-01.com.example.VFW-STD,1.0_7d0c1a52-3f4e-4b8a-9c61-2e5f8a9b0c11";

    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    public static TheoryData<string, string> BadCatalogs => new()
    {
        {
            $$"""{ "name": "v", "entitlements": [ { "tag": "{{Tag}}", "displayName": "n" } ], "licenses": [] }""",
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
    public async Task RunAsync_BadCatalogFile_PrintsFileEntryAndFieldAndExits2(string json, string problem)
    {
        var file = Path.Combine(_device.DataDirectory, "vendor.json");
        await File.WriteAllTextAsync(file, json, TestContext.Current.CancellationToken);

        var (exitCode, output) = await _device.RunAsync("show version\n", _device.Options() with { CatalogFile = file });

        Assert.Equal(AsaConsole.InvalidOptionsExitCode, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ERROR: Cannot load the product catalog: " + file + ":", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.Empty(_device.Agents);
    }

    [Fact]
    public async Task RunAsync_VendorCatalogWithOwnModel_BootsThatModel()
    {
        var file = Path.Combine(_device.DataDirectory, "vendor.json");
        await File.WriteAllTextAsync(file, BuiltInWithModelRenamed("ASAv100", "ASAv200"), TestContext.Current.CancellationToken);

        var (exitCode, output) = await _device.RunAsync("show version\n", _device.Options(model: "ASAv200") with { CatalogFile = file });

        Assert.Equal(0, exitCode);
        Assert.Contains("Booting ASAv200:", output, StringComparison.Ordinal);
    }

    private static string Catalog(string licenses) =>
        $$"""
        { "name": "Vendor Firewall", "entitlements": [ { "tag": "{{Tag}}", "shortTag": "VFW-STD", "displayName": "Vendor Firewall Standard" } ], "licenses": [ {{licenses}} ] }
        """;

    private static string BuiltInWithModelRenamed(string from, string to)
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream("SmartLicensing.Catalog.Data.asa.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace($"\"{from}\"", $"\"{to}\"", StringComparison.Ordinal);
    }
}
