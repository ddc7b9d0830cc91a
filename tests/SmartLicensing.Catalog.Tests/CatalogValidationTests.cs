namespace SmartLicensing.Catalog.Tests;

public sealed class CatalogValidationTests
{
    private const string FirstTag = "\"regid.2014-08.com.example.V-STD-1G,1.0_00000000-0000-4000-8000-000000000001\"";

    [Fact]
    public void Load_ValidCatalog_ReadsEverySection()
    {
        var catalog = CatalogJson.Load(CatalogJson.Valid());

        Assert.Equal("Test", catalog.Name);
        Assert.Equal(new K8Limits(1000, 250), catalog.K8Limits);
        Assert.Equal(["virtual", "chassis"], catalog.Platforms.Select(p => p.Id));
        Assert.Equal(5, catalog.Entitlements.Count);
        Assert.Equal(["L-V1S-K9=", "L-CH-STD=", "L-CH-BPU="], catalog.Licenses.Select(l => l.Pid));
        Assert.Equal(["V1", "V2", "C1"], catalog.Models.Select(m => m.Model));
        Assert.Null(catalog.FindAsavModel("V2")!.Reservation);
        Assert.Equal("estimate", catalog.FindAsavModel("V2")!.Note);
        Assert.Equal(ExportClass.K8, catalog.FindLicense("L-CH-BPU=")!.ExportClass);
        Assert.Null(catalog.FindLicense("L-CH-BPU=")!.Platform);
        Assert.Equal(new ChassisConnectionLimit(3, 70_000_000), catalog.FindFirepowerModel("c1")!.Chassis);
    }

    [Fact]
    public void Load_CatalogWithoutPlatformsOrModels_IsValid()
    {
        var json = CatalogJson.Valid();
        json.Remove("platforms");
        json.Remove("asavModels");
        json.Remove("firepowerModels");
        json.Remove("k8Limits");
        json["licenses"]![0]!.AsObject().Remove("platform");
        json["licenses"]![1]!.AsObject().Remove("platform");

        var catalog = CatalogJson.Load(json);

        Assert.Empty(catalog.Platforms);
        Assert.Empty(catalog.Models);
        Assert.Null(catalog.K8Limits);
    }

    [Theory]
    // Missing values.
    [InlineData("name", null, "catalog: field 'name' is missing or empty.")]
    [InlineData("licenses", null, "catalog: field 'licenses' is missing or empty.")]
    [InlineData("entitlements[0].displayName", null, "entitlements[0] (V-STD-1G): field 'displayName' is missing or empty.")]
    [InlineData("entitlements[0].displayName", "\" \"", "entitlements[0] (V-STD-1G): field 'displayName' is missing or empty.")]
    [InlineData("licenses[0].description", null, "licenses[0] (L-V1S-K9=): field 'description' is missing or empty.")]
    [InlineData("licenses[0].grants", "[]", "licenses[0] (L-V1S-K9=): field 'grants' is missing or empty.")]
    [InlineData("licenses[0].grants[0].count", null, "licenses[0] (L-V1S-K9=) grants[0]: field 'count' is missing or empty.")]
    [InlineData("asavModels[0].vlans", null, "asavModels[0] (V1): field 'vlans' is missing or empty.")]
    [InlineData("asavModels[0].vlans", "null", "asavModels[0] (V1): field 'vlans' is missing or empty.")]
    [InlineData("asavModels[0].platform", null, "asavModels[0] (V1): field 'platform' is missing or empty.")]
    [InlineData("asavModels[0].reservationShortTag", null, "asavModels[0] (V1): field 'reservationShortTag' is missing or empty.")]
    [InlineData("firepowerModels[0].tlsProxySessions", null, "firepowerModels[0] (C1): field 'tlsProxySessions' is missing or empty.")]
    [InlineData("platforms[0].features.failover", null, "platforms[0] (virtual) features: field 'failover' is missing or empty.")]
    [InlineData("platforms[0].features.securityContexts", null, "platforms[0] (virtual) features: field 'securityContexts' is missing or empty.")]
    [InlineData("platforms[1].features.securityContexts.increment", null, "platforms[1] (chassis) features securityContexts: field 'increment' is missing or empty.")]
    [InlineData("k8Limits.srtpSessions", null, "k8Limits: field 'srtpSessions' is missing or empty.")]
    // Duplicates.
    [InlineData("entitlements[1].tag", FirstTag, "entitlements[1] (V-STD-2G): duplicate tag 'regid.2014-08.com.example.V-STD-1G,1.0_00000000-0000-4000-8000-000000000001'.")]
    [InlineData("entitlements[1].shortTag", "\"v-std-1g\"", "entitlements[1] (v-std-1g): duplicate shortTag 'v-std-1g'.")]
    [InlineData("licenses[1].pid", "\"l-v1s-k9=\"", "licenses[1] (l-v1s-k9=): duplicate pid 'l-v1s-k9='.")]
    [InlineData("platforms[1].id", "\"VIRTUAL\"", "platforms[1] (VIRTUAL): duplicate id 'VIRTUAL'.")]
    [InlineData("platforms[1].name", "\"virtual\"", "platforms[1] (chassis): duplicate name 'virtual'.")]
    [InlineData("asavModels[1].model", "\"v1\"", "asavModels[1] (v1): duplicate model 'v1'.")]
    [InlineData("firepowerModels[0].model", "\"V2\"", "firepowerModels[0] (V2): duplicate model 'V2'.")]
    [InlineData("asavModels[1].throughputLevel", "\"1g\"", "asavModels[1] (V2): duplicate throughputLevel '1g'.")]
    [InlineData("licenses[0].grants[1]", "{ \"shortTag\": \"V-STD-1G\", \"count\": 2 }", "licenses[0] (L-V1S-K9=) grants[1]: field 'shortTag' names 'V-STD-1G' a second time; give one grant per entitlement with the total count.")]
    // Unknown tags and platforms.
    [InlineData("licenses[0].grants[0].shortTag", "\"NOPE\"", "licenses[0] (L-V1S-K9=) grants[0]: field 'shortTag' names unknown tag 'NOPE'; add it to 'entitlements' first.")]
    [InlineData("asavModels[0].standardShortTag", "\"NOPE\"", "asavModels[0] (V1): field 'standardShortTag' names unknown tag 'NOPE'; add it to 'entitlements' first.")]
    [InlineData("asavModels[0].reservationShortTag", "\"NOPE\"", "asavModels[0] (V1): field 'reservationShortTag' names unknown tag 'NOPE'; add it to 'entitlements' first.")]
    [InlineData("platforms[1].entitlements.reservation", "\"NOPE\"", "platforms[1] (chassis) entitlements: field 'reservation' names unknown tag 'NOPE'; add it to 'entitlements' first.")]
    [InlineData("licenses[0].platform", "\"nowhere\"", "licenses[0] (L-V1S-K9=): field 'platform' names unknown platform 'nowhere'; add it to 'platforms' first.")]
    [InlineData("firepowerModels[0].platform", "\"nowhere\"", "firepowerModels[0] (C1): field 'platform' names unknown platform 'nowhere'; add it to 'platforms' first.")]
    [InlineData("entitlements[0].tag", "\"V-STD-1G\"", "entitlements[0]: field 'tag' is 'V-STD-1G', not of the form regid.YYYY-MM.<domain>.<NAME>,<version>_<uuid>.")]
    // Wrong types.
    [InlineData("asavModels[0].vlans", "\"many\"", "asavModels[0] (V1): field 'vlans' is a string; expected a whole number.")]
    [InlineData("asavModels[0].vlans", "2.5", "asavModels[0] (V1): field 'vlans' is 2.5; expected a whole number.")]
    [InlineData("asavModels[0].vcpus", "3000000000", "asavModels[0] (V1): field 'vcpus' is 3000000000; it must be at most 2147483647.")]
    [InlineData("asavModels[1].permanentReservation", "\"no\"", "asavModels[1] (V2): field 'permanentReservation' is a string; expected true or false.")]
    [InlineData("asavModels[0].throughputText", "1", "asavModels[0] (V1): field 'throughputText' is a number; expected a string.")]
    [InlineData("licenses[0].kind", "1", "licenses[0] (L-V1S-K9=): field 'kind' is a number; expected a string.")]
    [InlineData("licenses[0].grants", "{}", "licenses[0] (L-V1S-K9=): field 'grants' is an object; expected an array.")]
    [InlineData("platforms[0].features", "[]", "platforms[0] (virtual): field 'features' is an array; expected an object.")]
    [InlineData("asavModels[0]", "5", "asavModels[0]: the entry is a number; expected an object.")]
    [InlineData("licenses[0]", "null", "licenses[0]: the entry is null; expected an object.")]
    // Values outside their choices.
    [InlineData("licenses[0].kind", "\"perpetual\"", "licenses[0] (L-V1S-K9=): field 'kind' is 'perpetual'; expected 'regular' or 'reservation'.")]
    [InlineData("licenses[0].exportClass", "\"K7\"", "licenses[0] (L-V1S-K9=): field 'exportClass' is 'K7'; expected one of 'K8', 'K9', 'none'.")]
    [InlineData("licenses[0].exportClass", "\"K8\"", "licenses[0] (L-V1S-K9=): field 'exportClass' is 'K8', but the PID ends in K9; set it to 'K9' or remove it.")]
    [InlineData("licenses[0].exportClass", "\"none\"", "licenses[0] (L-V1S-K9=): field 'exportClass' is 'none', but the PID ends in K9; set it to 'K9' or remove it.")]
    [InlineData("platforms[0].features.carrier", "\"maybe\"", "platforms[0] (virtual) features: field 'carrier' is 'maybe'; expected one of 'enabled', 'optional', 'not-supported'.")]
    [InlineData("platforms[0].features.failover", "\"active/standby\"", "platforms[0] (virtual) features: field 'failover' is 'active/standby'; expected 'active-standby' or 'active-active'.")]
    [InlineData("platforms[0].features.encryption", "\"strong\"", "platforms[0] (virtual) features: field 'encryption' is 'strong'; expected 'base' or 'export-controlled'.")]
    // Zero, negative and inconsistent limits.
    [InlineData("asavModels[0].vlans", "0", "asavModels[0] (V1): field 'vlans' is 0; it must be 1 or more.")]
    [InlineData("asavModels[0].vlans", "-5", "asavModels[0] (V1): field 'vlans' is -5; it must be 1 or more.")]
    [InlineData("asavModels[0].memoryMb", "0", "asavModels[0] (V1): field 'memoryMb' is 0; it must be 1 or more.")]
    [InlineData("firepowerModels[0].firewallConnections", "0", "firepowerModels[0] (C1): field 'firewallConnections' is 0; it must be 1 or more.")]
    [InlineData("firepowerModels[0].chassis.modules", "-3", "firepowerModels[0] (C1) chassis: field 'modules' is -3; it must be 1 or more.")]
    [InlineData("licenses[0].grants[0].count", "0", "licenses[0] (L-V1S-K9=) grants[0]: field 'count' is 0; it must be 1 or more.")]
    [InlineData("k8Limits.tlsProxySessions", "-1", "k8Limits: field 'tlsProxySessions' is -1; it must be 1 or more.")]
    [InlineData("asavModels[0].totalVpnPeers", "100", "asavModels[0] (V1): field 'totalVpnPeers' is 100; it must be at least 'otherVpnPeers' (250).")]
    [InlineData("asavModels[0].anyConnectPeers", "300", "asavModels[0] (V1): field 'totalVpnPeers' is 250; it must be at least 'anyConnectPeers' (300).")]
    [InlineData("asavModels[1].vcpus", "0", "asavModels[1] (V2): field 'vcpus' is 0; it must be 1 or more.")]
    [InlineData("asavModels[1].memoryMb", "1024", "asavModels[1] (V2): field 'memoryMb' is 1024, less than V1 before it (2048); list ASAv models from smallest to largest.")]
    [InlineData("platforms[1].features.securityContexts.default", "300", "platforms[1] (chassis) features securityContexts: field 'default' is 300; it must not exceed 'maximum' (250).")]
    [InlineData("platforms[1].features.securityContexts.increment", "500", "platforms[1] (chassis) features securityContexts: field 'increment' is 500; it must not exceed 'maximum' (250).")]
    [InlineData("platforms[1].features.securityContexts.maximum", "0", "platforms[1] (chassis) features securityContexts: field 'maximum' is 0; it must be 1 or more.")]
    [InlineData("firepowerModels[0].chassis.firewallConnections", "5", "firepowerModels[0] (C1) chassis: field 'firewallConnections' is 5; a chassis allows at least the 60000000 of one module.")]
    // Contradictions.
    [InlineData("asavModels[1].reservationShortTag", "\"V-PERM\"", "asavModels[1] (V2): field 'reservationShortTag' is set, but 'permanentReservation' is false.")]
    [InlineData("platforms[0].features.securityContexts.maximum", "250", "platforms[0] (virtual) features securityContexts: field 'maximum' is set, but 'supported' is false.")]
    [InlineData("firepowerModels[0].platform", "\"virtual\"", "firepowerModels[0] (C1): field 'platform' names platform 'virtual', which has no 'standard' entitlement; a Firepower model requests its platform's Standard entitlement.")]
    public void Load_BadValue_NamesFileEntryAndField(string path, string? rawJson, string expected)
    {
        var json = CatalogJson.With(path, rawJson);

        var error = Assert.Throws<CatalogException>(() => CatalogJson.Load(json));

        Assert.Equal($"{CatalogJson.Source}: {expected}", error.Message);
    }

    [Fact]
    public void Load_MisspeltField_IsRejected()
    {
        var json = CatalogJson.With("asavModels[0].vlan", "50");

        var error = Assert.Throws<CatalogException>(() => CatalogJson.Load(json));

        Assert.StartsWith("test.json: asavModels[0] (V1): field 'vlan' is not a catalog field here; expected one of 'model', 'platform', ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FieldTwice_IsRejected()
    {
        var text = CatalogJson.Valid().ToJsonString().Replace("\"name\":\"Test\"", "\"name\":\"Test\",\"name\":\"Again\"", StringComparison.Ordinal);

        var error = Assert.Throws<CatalogException>(() => CatalogJson.Load(text));

        Assert.Equal("test.json: catalog: field 'name' appears more than once.", error.Message);
    }

    [Fact]
    public void Load_NullDocument_IsRejected()
    {
        var error = Assert.Throws<CatalogException>(() => CatalogJson.Load("null"));

        Assert.Equal("test.json: the catalog is null; expected an object.", error.Message);
    }

    [Fact]
    public void Load_EmptyDocument_NamesFirstLine()
    {
        var error = Assert.Throws<CatalogException>(() => CatalogJson.Load(""));

        Assert.StartsWith("test.json: not valid catalog JSON at line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CommentsAndTrailingCommas_AreAccepted()
    {
        var text = CatalogJson.Valid().ToJsonString().Replace("{\"name\":", "{ // vendor data\n\"name\":", StringComparison.Ordinal)[..^1] + ",}";

        var catalog = CatalogJson.Load(text);

        Assert.Equal("Test", catalog.Name);
    }

    [Fact]
    public void LoadFile_MissingFile_NamesPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.LoadFile(path));

        Assert.StartsWith($"{path}: the catalog file cannot be read: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_InvalidCatalog_NamesPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, CatalogJson.With("licenses[0].kind", "\"perpetual\"").ToJsonString());
        try
        {
            var error = Assert.Throws<CatalogException>(() => CatalogLoader.LoadFile(path));

            Assert.Equal($"{path}: licenses[0] (L-V1S-K9=): field 'kind' is 'perpetual'; expected 'regular' or 'reservation'.", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_ValidCatalog_Loads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, CatalogJson.Valid().ToJsonString());
        try
        {
            Assert.Equal("Test", CatalogLoader.LoadFile(path).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
