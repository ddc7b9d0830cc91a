using System.Text;

namespace SmartLicensing.Catalog.Tests;

public sealed class CatalogLoaderTests
{
    private const string ValidTag = "regid.2014-08.com.cisco.ASAv-STD-1G,1.0_5c4abf17-2b9a-48a5-9b83-af05b8e9dbb6";

    [Theory]
    [InlineData("L-ASAV5S-K9=", "ASAv-STD-100M")]
    [InlineData("L-ASAV10S-K9=", "ASAv-STD-1G")]
    [InlineData("L-ASAV30S-K9=", "ASAv-STD-2G")]
    [InlineData("L-ASAV50S-K9=", "ASAv-STD-10G")]
    [InlineData("L-ASAV5SR-K9=", "ASAv-UNIVERSAL-V5")]
    [InlineData("L-ASAV10SR-K9=", "ASAv-UNIVERSAL-V10")]
    [InlineData("L-ASAV30SR-K9=", "ASAv-UNIVERSAL-V30")]
    [InlineData("L-ASAV50SR-K9=", "ASAv-UNIVERSAL-V50")]
    public void BuiltIn_AsavPid_MapsToOneEntitlement(string pid, string shortTag)
    {
        var license = CatalogLoader.BuiltIn.FindLicense(pid);

        Assert.NotNull(license);
        var grant = Assert.Single(license.Grants);
        Assert.Equal(shortTag, grant.Entitlement.ShortTag);
        Assert.Equal(1, grant.Count);
        Assert.StartsWith("regid.", grant.Entitlement.Tag, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ASAv5", 1, 1024, "100M", 50_000, 500, 25)]
    [InlineData("ASAv10", 1, 2048, "1G", 100_000, 500, 50)]
    [InlineData("ASAv30", 4, 8192, "2G", 500_000, 1000, 200)]
    public void BuiltIn_AsavModel_HasChapterLimits(string model, int vcpus, int memoryMb, string level, long connections, int tlsSessions, int vlans)
    {
        var found = CatalogLoader.BuiltIn.FindAsavModel(model);

        Assert.NotNull(found);
        Assert.Equal(vcpus, found.Vcpus);
        Assert.Equal(memoryMb, found.MemoryMb);
        Assert.Equal(level, found.ThroughputLevel);
        Assert.Equal(connections, found.FirewallConnections);
        Assert.Equal(tlsSessions, found.TlsProxySessions);
        Assert.Equal(vlans, found.Vlans);
    }

    [Fact]
    public void BuiltIn_FindByThroughput_ReturnsLicensedModel()
    {
        Assert.Equal("ASAv10", CatalogLoader.BuiltIn.FindAsavModelByThroughput("1g")?.Model);
        Assert.Equal("ASAv100", CatalogLoader.BuiltIn.FindAsavModelByThroughput("20G")?.Model);
        Assert.Null(CatalogLoader.BuiltIn.FindAsavModelByThroughput("40G"));
    }

    [Fact]
    public void Load_MissingField_NamesFileEntryAndField()
    {
        const string Json = $$"""
            { "name": "x", "entitlements": [ { "tag": "{{ValidTag}}", "displayName": "n" } ], "licenses": [] }
            """;

        var error = Assert.Throws<CatalogException>(() => Load(Json));

        Assert.Equal("vendor.json: entitlements[0]: field 'shortTag' is missing or empty.", error.Message);
    }

    [Fact]
    public void Load_DuplicatePid_IsRejected()
    {
        var json = Catalog(licenses: """
            { "pid": "L-A=", "description": "a", "kind": "regular", "grants": [ { "shortTag": "S", "count": 1 } ] },
            { "pid": "l-a=", "description": "b", "kind": "regular", "grants": [ { "shortTag": "S", "count": 1 } ] }
            """);

        var error = Assert.Throws<CatalogException>(() => Load(json));

        Assert.Contains("licenses[1] (l-a=): duplicate pid 'l-a='", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownTag_IsRejected()
    {
        var json = Catalog(licenses: """
            { "pid": "L-A=", "description": "a", "kind": "regular", "grants": [ { "shortTag": "NOPE", "count": 1 } ] }
            """);

        var error = Assert.Throws<CatalogException>(() => Load(json));

        Assert.Contains("licenses[0] (L-A=) grants[0]: field 'shortTag' names unknown tag 'NOPE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedTag_IsRejected()
    {
        const string Json = """{ "name": "x", "entitlements": [ { "tag": "ASAv-STD-1G", "shortTag": "S", "displayName": "n" } ], "licenses": [] }""";

        var error = Assert.Throws<CatalogException>(() => Load(Json));

        Assert.Contains("field 'tag' is 'ASAv-STD-1G'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ZeroCount_IsRejected()
    {
        var json = Catalog(licenses: """
            { "pid": "L-A=", "description": "a", "kind": "regular", "grants": [ { "shortTag": "S", "count": 0 } ] }
            """);

        var error = Assert.Throws<CatalogException>(() => Load(json));

        Assert.Contains("field 'count' is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidJson_NamesLine()
    {
        var error = Assert.Throws<CatalogException>(() => Load("{\n\"name\": }"));

        Assert.StartsWith("vendor.json: not valid catalog JSON at line 2", error.Message, StringComparison.Ordinal);
    }

    private static string Catalog(string licenses) =>
        $$"""
        { "name": "x", "entitlements": [ { "tag": "{{ValidTag}}", "shortTag": "S", "displayName": "n" } ], "licenses": [ {{licenses}} ] }
        """;

    private static ProductCatalog Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return CatalogLoader.Load(stream, "vendor.json");
    }
}
