namespace SmartLicensing.Catalog.Tests;

/// <summary>Every number and word of the ASA licensing chapter's per-model tables and PID lists, checked against the built-in catalog.</summary>
public sealed class BuiltInCatalogTests
{
    private static readonly ProductCatalog Catalog = CatalogLoader.BuiltIn;

    public static TheoryData<string, string, long, int, int, int, int, int> ModelLimits => new()
    {
        // model, platform, firewall conns, TLS proxy, AnyConnect (licensed max), other VPN, total VPN, VLANs
        { "ASAv5", "asav", 50_000, 500, 50, 50, 50, 25 },
        { "ASAv10", "asav", 100_000, 500, 250, 250, 250, 50 },
        { "ASAv30", "asav", 500_000, 1000, 750, 1000, 1000, 200 },
        { "ASAv50", "asav", 2_000_000, 10_000, 10_000, 10_000, 10_000, 1024 },
        { "ASAv100", "asav", 4_000_000, 10_000, 20_000, 20_000, 20_000, 1024 },
        { "Firepower 4110", "fpr4100", 10_000_000, 10_000, 10_000, 10_000, 10_000, 1024 },
        { "Firepower 4120", "fpr4100", 15_000_000, 15_000, 20_000, 20_000, 20_000, 1024 },
        { "Firepower 4140", "fpr4100", 25_000_000, 15_000, 20_000, 20_000, 20_000, 1024 },
        { "Firepower 4150", "fpr4100", 35_000_000, 15_000, 20_000, 20_000, 20_000, 1024 },
        { "Firepower 9300 SM-24", "fpr9300", 55_000_000, 15_000, 20_000, 20_000, 20_000, 1024 },
        { "Firepower 9300 SM-36", "fpr9300", 60_000_000, 15_000, 20_000, 20_000, 20_000, 1024 },
        { "Firepower 9300 SM-44", "fpr9300", 60_000_000, 15_000, 20_000, 20_000, 20_000, 1024 },
    };

    public static TheoryData<string, int, int, string, string, string, string?> AsavSizing => new()
    {
        // model, vCPUs, memory MB, throughput level, throughput text, standard short tag, reservation short tag
        { "ASAv5", 1, 1024, "100M", "100 Mbps", "ASAv-STD-100M", "ASAv-UNIVERSAL-V5" },
        { "ASAv10", 1, 2048, "1G", "1 Gbps", "ASAv-STD-1G", "ASAv-UNIVERSAL-V10" },
        { "ASAv30", 4, 8192, "2G", "2 Gbps", "ASAv-STD-2G", "ASAv-UNIVERSAL-V30" },
        { "ASAv50", 8, 16384, "10G", "10 Gbps", "ASAv-STD-10G", "ASAv-UNIVERSAL-V50" },
        { "ASAv100", 16, 32768, "20G", "20 Gbps", "ASAv-STD-20G", null },
    };

    public static TheoryData<string, string, LicenseKind, ExportClass, string, string, int> Pids => new()
    {
        // PID, description, kind, export class, platform, granted short tag, count
        { "L-ASAV5S-K9=", "ASAv5 Standard - 100M", LicenseKind.Regular, ExportClass.K9, "asav", "ASAv-STD-100M", 1 },
        { "L-ASAV10S-K9=", "ASAv10 Standard - 1G", LicenseKind.Regular, ExportClass.K9, "asav", "ASAv-STD-1G", 1 },
        { "L-ASAV30S-K9=", "ASAv30 Standard - 2G", LicenseKind.Regular, ExportClass.K9, "asav", "ASAv-STD-2G", 1 },
        { "L-ASAV50S-K9=", "ASAv50 Standard - 10G", LicenseKind.Regular, ExportClass.K9, "asav", "ASAv-STD-10G", 1 },
        { "L-ASAV100S-K9=", "ASAv100 Standard - 20G", LicenseKind.Regular, ExportClass.K9, "asav", "ASAv-STD-20G", 1 },
        { "L-ASAV5SR-K9=", "ASAv5 Permanent License Reservation", LicenseKind.Reservation, ExportClass.K9, "asav", "ASAv-UNIVERSAL-V5", 1 },
        { "L-ASAV10SR-K9=", "ASAv10 Permanent License Reservation", LicenseKind.Reservation, ExportClass.K9, "asav", "ASAv-UNIVERSAL-V10", 1 },
        { "L-ASAV30SR-K9=", "ASAv30 Permanent License Reservation", LicenseKind.Reservation, ExportClass.K9, "asav", "ASAv-UNIVERSAL-V30", 1 },
        { "L-ASAV50SR-K9=", "ASAv50 Permanent License Reservation", LicenseKind.Reservation, ExportClass.K9, "asav", "ASAv-UNIVERSAL-V50", 1 },
        { "L-FPR4100-ASA=", "Firepower 4100 ASA Standard", LicenseKind.Regular, ExportClass.None, "fpr4100", "FPR4K-ASA-STANDARD", 1 },
        { "L-FPR4K-ASASC-10=", "Firepower 4100 ASA 10 Security Contexts", LicenseKind.Regular, ExportClass.None, "fpr4100", "FPR4K-ASA-CONTEXT", 10 },
        { "L-FPR4K-ASASC-230=", "Firepower 4100 ASA 230 Security Contexts", LicenseKind.Regular, ExportClass.None, "fpr4100", "FPR4K-ASA-CONTEXT", 230 },
        { "L-FPR4K-ASASC-250=", "Firepower 4100 ASA 250 Security Contexts", LicenseKind.Regular, ExportClass.None, "fpr4100", "FPR4K-ASA-CONTEXT", 250 },
        { "L-FPR4K-ASA-CAR=", "Firepower 4100 ASA Carrier (Diameter, GTP/GPRS, SCTP)", LicenseKind.Regular, ExportClass.None, "fpr4100", "FPR4K-ASA-CARRIER", 1 },
        { "L-FPR4K-ENC-K9=", "Firepower 4100 ASA Strong Encryption (3DES/AES)", LicenseKind.Regular, ExportClass.K9, "fpr4100", "FPR4K-ASA-STRONG-ENCRYPTION", 1 },
        { "L-FPR4K-ASA-BPU=", "Firepower 4100 ASA PERM UNIV", LicenseKind.Reservation, ExportClass.None, "fpr4100", "FPR4K-ASA-PERM-UNIV", 1 },
        { "L-F9K-ASA=", "Firepower 9300 ASA Standard", LicenseKind.Regular, ExportClass.None, "fpr9300", "ASA-SSP-STANDARD", 1 },
        { "L-F9K-ASA-SC-10=", "Firepower 9300 ASA 10 Security Contexts", LicenseKind.Regular, ExportClass.None, "fpr9300", "ASA-SSP-CONTEXT", 10 },
        { "L-F9K-ASA-CAR=", "Firepower 9300 ASA Carrier (Diameter, GTP/GPRS, SCTP)", LicenseKind.Regular, ExportClass.None, "fpr9300", "ASA-SSP-CARRIER", 1 },
        { "L-F9K-ASA-ENCR-K9=", "Firepower 9300 ASA Strong Encryption (3DES/AES)", LicenseKind.Regular, ExportClass.K9, "fpr9300", "ASA-SSP-STRONG-ENCRYPTION", 1 },
        { "L-FPR9K-ASA-BPU=", "Firepower 9300 ASA PERM UNIV", LicenseKind.Reservation, ExportClass.None, "fpr9300", "ASA-SSP-PERM-UNIV", 1 },
    };

    [Theory]
    [MemberData(nameof(ModelLimits))]
    public void Model_Limits_MatchChapterTables(string model, string platform, long connections, int tlsProxy, int anyConnect, int otherVpn, int totalVpn, int vlans)
    {
        var found = Catalog.FindModel(model);

        Assert.NotNull(found);
        Assert.Equal(model, found.Model);
        Assert.Equal(platform, found.Platform.Id);
        Assert.Equal(connections, found.FirewallConnections);
        Assert.Equal(tlsProxy, found.TlsProxySessions);
        Assert.Equal(anyConnect, found.AnyConnectPeers);
        Assert.Equal(otherVpn, found.OtherVpnPeers);
        Assert.Equal(totalVpn, found.TotalVpnPeers);
        Assert.Equal(vlans, found.Vlans);
    }

    [Fact]
    public void Models_AreExactlyTheTableModels()
    {
        var expected = ModelLimits.Select(row => row.Data.Item1);

        Assert.Equal(expected, Catalog.Models.Select(m => m.Model));
        Assert.Equal(["ASAv5", "ASAv10", "ASAv30", "ASAv50", "ASAv100"], Catalog.AsavModels.Select(m => m.Model));
        Assert.Equal(7, Catalog.FirepowerModels.Count);
    }

    [Theory]
    [InlineData("ASAv50")]
    [InlineData("ASAv100")]
    public void Model_NotInChapterTables_IsMarkedAsEstimate(string model)
    {
        var note = Catalog.FindModel(model)?.Note;

        Assert.NotNull(note);
        Assert.Contains("estimate", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ASAv5")]
    [InlineData("ASAv10")]
    [InlineData("ASAv30")]
    [InlineData("Firepower 4110")]
    [InlineData("Firepower 9300 SM-44")]
    public void Model_FromChapterTables_HasNoNote(string model)
    {
        Assert.Null(Catalog.FindModel(model)?.Note);
    }

    [Theory]
    [MemberData(nameof(AsavSizing))]
    public void AsavModel_SizingAndEntitlements_MatchChapter(string model, int vcpus, int memoryMb, string level, string text, string standard, string? reservation)
    {
        var found = Catalog.FindAsavModel(model);

        Assert.NotNull(found);
        Assert.Equal(vcpus, found.Vcpus);
        Assert.Equal(memoryMb, found.MemoryMb);
        Assert.Equal(level, found.ThroughputLevel);
        Assert.Equal(text, found.ThroughputText);
        Assert.Equal(standard, found.Standard.ShortTag);
        Assert.Equal(reservation, found.Reservation?.ShortTag);
        Assert.Equal(reservation is not null, found.SupportsPermanentReservation);
    }

    [Fact]
    public void AsavModels_GrowInSize()
    {
        var models = Catalog.AsavModels;

        for (var i = 1; i < models.Count; i++)
        {
            Assert.True(models[i].Vcpus >= models[i - 1].Vcpus, $"{models[i].Model} has fewer vCPUs than {models[i - 1].Model}");
            Assert.True(models[i].MemoryMb > models[i - 1].MemoryMb, $"{models[i].Model} has no more memory than {models[i - 1].Model}");
        }
    }

    [Fact]
    public void AsavPlatform_MatchesAsavTable()
    {
        var features = Catalog.FindPlatform("asav")!.Features;

        Assert.Equal(FeatureAvailability.Enabled, features.BotnetTrafficFilter);
        Assert.Equal(FeatureAvailability.Enabled, features.Carrier);
        Assert.Equal(FeatureAvailability.NotSupported, features.Clustering);
        Assert.Equal(FailoverMode.ActiveStandby, features.Failover);
        Assert.Equal(EncryptionLicensing.ExportControlled, features.Encryption);
        Assert.Null(features.SecurityContexts);
    }

    [Theory]
    [InlineData("fpr4100", "Firepower 4100")]
    [InlineData("fpr9300", "Firepower 9300")]
    public void FirepowerPlatform_MatchesFirepowerTables(string id, string name)
    {
        var platform = Catalog.FindPlatform(id);

        Assert.NotNull(platform);
        Assert.Equal(name, platform.Name);
        Assert.Equal(FeatureAvailability.NotSupported, platform.Features.BotnetTrafficFilter);
        Assert.Equal(FeatureAvailability.Optional, platform.Features.Carrier);
        Assert.Equal(FeatureAvailability.Enabled, platform.Features.Clustering);
        Assert.Equal(FailoverMode.ActiveActive, platform.Features.Failover);
        Assert.Equal(EncryptionLicensing.ExportControlled, platform.Features.Encryption);
        Assert.Equal(new SecurityContextLimits(Default: 10, Maximum: 250, Increment: 10), platform.Features.SecurityContexts);
    }

    [Theory]
    [InlineData("fpr4100", "FPR4K-ASA-STANDARD", "FPR4K-ASA-CONTEXT", "FPR4K-ASA-CARRIER", "FPR4K-ASA-STRONG-ENCRYPTION", "FPR4K-ASA-PERM-UNIV")]
    [InlineData("fpr9300", "ASA-SSP-STANDARD", "ASA-SSP-CONTEXT", "ASA-SSP-CARRIER", "ASA-SSP-STRONG-ENCRYPTION", "ASA-SSP-PERM-UNIV")]
    public void FirepowerPlatform_HasFeatureEntitlements(string id, string standard, string context, string carrier, string strongEncryption, string reservation)
    {
        var entitlements = Catalog.FindPlatform(id)!.Entitlements;

        Assert.Equal(standard, entitlements.Standard?.ShortTag);
        Assert.Equal(context, entitlements.Context?.ShortTag);
        Assert.Equal(carrier, entitlements.Carrier?.ShortTag);
        Assert.Equal(strongEncryption, entitlements.StrongEncryption?.ShortTag);
        Assert.Equal(reservation, entitlements.Reservation?.ShortTag);
    }

    [Fact]
    public void AsavPlatform_HasNoPlatformEntitlements()
    {
        Assert.Equal(PlatformEntitlements.None, Catalog.FindPlatform("ASAv")!.Entitlements);
    }

    [Theory]
    [InlineData("Firepower 9300 SM-24")]
    [InlineData("Firepower 9300 SM-36")]
    [InlineData("Firepower 9300 SM-44")]
    public void Firepower9300Module_HasChassisTotalForThreeModules(string model)
    {
        var found = Catalog.FindFirepowerModel(model);

        Assert.NotNull(found);
        Assert.Equal(new ChassisConnectionLimit(Modules: 3, FirewallConnections: 70_000_000), found.Chassis);
    }

    [Theory]
    [InlineData("Firepower 4110")]
    [InlineData("Firepower 4120")]
    [InlineData("Firepower 4140")]
    [InlineData("Firepower 4150")]
    public void Firepower4100Model_HasNoChassisTotal(string model)
    {
        Assert.Null(Catalog.FindFirepowerModel(model)!.Chassis);
    }

    [Theory]
    [MemberData(nameof(Pids))]
    public void Pid_KindExportClassAndGrants_MatchChapter(string pid, string description, LicenseKind kind, ExportClass exportClass, string platform, string shortTag, int count)
    {
        var license = Catalog.FindLicense(pid);

        Assert.NotNull(license);
        Assert.Equal(description, license.Description);
        Assert.Equal(kind, license.Kind);
        Assert.Equal(exportClass, license.ExportClass);
        Assert.Equal(exportClass, LicenseSku.ExportClassOf(pid));
        Assert.Equal(platform, license.Platform?.Id);
        var grant = Assert.Single(license.Grants);
        Assert.Equal(shortTag, grant.Entitlement.ShortTag);
        Assert.Equal(count, grant.Count);
    }

    [Fact]
    public void Licenses_AreExactlyTheChapterPids()
    {
        var expected = Pids.Select(row => row.Data.Item1);

        Assert.Equal(expected, Catalog.Licenses.Select(l => l.Pid));
    }

    [Theory]
    [InlineData("ASAv-STD-100M", "regid.2014-08.com.cisco.ASAv-STD-100M,1.0_23a69974-c804-47d6-841d-f69dcb0a6186", "ASAv5 Standard - 100M")]
    [InlineData("ASAv-STD-1G", "regid.2014-08.com.cisco.ASAv-STD-1G,1.0_5c4abf17-2b9a-48a5-9b83-af05b8e9dbb6", "ASAv10 Standard - 1G")]
    [InlineData("ASAv-STD-2G", "regid.2014-08.com.cisco.ASAv-STD-2G,1.0_e9706a60-0bca-4998-a8da-a3f4991467db", "ASAv30 Standard - 2G")]
    [InlineData("ASAv-STD-10G", "regid.2014-08.com.cisco.ASAv-STD-10G,1.0_b39367ea-25ed-44da-94ec-15183c6630cd", "ASAv50 Standard - 10G")]
    [InlineData("ASAv-UNIVERSAL-V5", "regid.2016-02.com.cisco.ASAv-UNIVERSAL-V5,1.0_0c7bcd41-4ef6-4dae-90dc-cfdffa03ca24", "ASAv5 Permanent Universal")]
    [InlineData("ASAv-UNIVERSAL-V10", "regid.2016-02.com.cisco.ASAv-UNIVERSAL-V10,1.0_75d406f9-73ae-4a3d-96a4-251c502582ed", "ASAv10 Permanent Universal")]
    [InlineData("ASAv-UNIVERSAL-V30", "regid.2016-02.com.cisco.ASAv-UNIVERSAL-V30,1.0_6975b03d-b265-4243-8465-ec5d0e56c639", "ASAv30 Permanent Universal")]
    [InlineData("ASAv-UNIVERSAL-V50", "regid.2016-02.com.cisco.ASAv-UNIVERSAL-V50,1.0_93b529c3-0099-4599-93cc-d352f6497e05", "ASAv50 Permanent Universal")]
    public void AsavEntitlement_KeepsItsTag(string shortTag, string tag, string displayName)
    {
        var entitlement = Catalog.FindByShortTag(shortTag);

        Assert.NotNull(entitlement);
        Assert.Equal(tag, entitlement.Tag);
        Assert.Equal(displayName, entitlement.DisplayName);
        Assert.Same(entitlement, Catalog.FindByTag(tag));
    }

    [Theory]
    [InlineData("FPR4K-ASA-STANDARD", "Firepower 4100 ASA Standard")]
    [InlineData("FPR4K-ASA-CONTEXT", "Firepower 4100 ASA Security Contexts")]
    [InlineData("FPR4K-ASA-CARRIER", "Firepower 4100 ASA Carrier")]
    [InlineData("FPR4K-ASA-STRONG-ENCRYPTION", "Firepower 4100 ASA Strong Encryption")]
    [InlineData("FPR4K-ASA-PERM-UNIV", "Firepower 4100 ASA PERM UNIV")]
    [InlineData("ASA-SSP-STANDARD", "Firepower 9300 ASA Standard")]
    [InlineData("ASA-SSP-CONTEXT", "Firepower 9300 ASA Security Contexts")]
    [InlineData("ASA-SSP-CARRIER", "Firepower 9300 ASA Carrier")]
    [InlineData("ASA-SSP-STRONG-ENCRYPTION", "Firepower 9300 ASA Strong Encryption")]
    [InlineData("ASA-SSP-PERM-UNIV", "Firepower 9300 ASA PERM UNIV")]
    public void FirepowerEntitlement_HasRegidTagOfItsShortTag(string shortTag, string displayName)
    {
        var entitlement = Catalog.FindByShortTag(shortTag);

        Assert.NotNull(entitlement);
        Assert.Matches($"^regid\\.2015-01\\.com\\.cisco\\.{shortTag},1\\.0_[0-9a-f]{{8}}-[0-9a-f]{{4}}-4[0-9a-f]{{3}}-[89ab][0-9a-f]{{3}}-[0-9a-f]{{12}}$", entitlement.Tag);
        Assert.Equal(displayName, entitlement.DisplayName);
    }

    [Fact]
    public void Entitlements_EachHasAUniqueUuid()
    {
        var uuids = Catalog.Entitlements.Select(e => e.Tag[(e.Tag.LastIndexOf('_') + 1)..]).ToList();

        Assert.Equal(uuids.Count, uuids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Entitlements_AreEachGrantedByAPid()
    {
        foreach (var entitlement in Catalog.Entitlements)
        {
            Assert.True(Catalog.FindLicensesGranting(entitlement).Count > 0, $"no PID grants {entitlement.ShortTag}");
        }

        Assert.Equal(
            ["L-FPR4K-ASASC-10=", "L-FPR4K-ASASC-230=", "L-FPR4K-ASASC-250="],
            Catalog.FindLicensesGranting(Catalog.FindByShortTag("FPR4K-ASA-CONTEXT")!).Select(l => l.Pid));
    }

    [Theory]
    [InlineData("FPR4K-ASA-PERM-UNIV", "1 - Firepower 4100 ASA PERM UNIV(perpetual)")]
    [InlineData("ASA-SSP-PERM-UNIV", "1 - Firepower 9300 ASA PERM UNIV(perpetual)")]
    public void ReservationEntitlement_PidDescriptionFitsShortageMessage(string shortTag, string expected)
    {
        var license = Assert.Single(Catalog.FindLicensesGranting(Catalog.FindByShortTag(shortTag)!));

        Assert.Equal(LicenseKind.Reservation, license.Kind);
        Assert.Equal(expected, $"1 - {license.Description}(perpetual)");
    }

    [Theory]
    [InlineData("ASAv5", "ASAv-STD-100M", "ASAv-UNIVERSAL-V5")]
    [InlineData("ASAv10", "ASAv-STD-1G", "ASAv-UNIVERSAL-V10")]
    [InlineData("ASAv30", "ASAv-STD-2G", "ASAv-UNIVERSAL-V30")]
    [InlineData("ASAv50", "ASAv-STD-10G", "ASAv-UNIVERSAL-V50")]
    [InlineData("ASAv100", "ASAv-STD-20G", null)]
    [InlineData("Firepower 4110", "FPR4K-ASA-STANDARD", "FPR4K-ASA-PERM-UNIV")]
    [InlineData("Firepower 4150", "FPR4K-ASA-STANDARD", "FPR4K-ASA-PERM-UNIV")]
    [InlineData("Firepower 9300 SM-24", "ASA-SSP-STANDARD", "ASA-SSP-PERM-UNIV")]
    [InlineData("Firepower 9300 SM-44", "ASA-SSP-STANDARD", "ASA-SSP-PERM-UNIV")]
    [InlineData("Firepower 9999", null, null)]
    public void Model_StandardAndReservationEntitlements_FollowPlatform(string model, string? standard, string? reservation)
    {
        Assert.Equal(standard, Catalog.FindStandardEntitlement(model)?.ShortTag);
        Assert.Equal(reservation, Catalog.FindReservationEntitlement(model)?.ShortTag);
    }

    [Fact]
    public void K8Limits_MatchChapter()
    {
        Assert.Equal(new K8Limits(TlsProxySessions: 1000, SrtpSessions: 250), Catalog.K8Limits);
    }

    [Fact]
    public void FindLicensesForPlatform_ReturnsPlatformPids()
    {
        Assert.Equal(9, Catalog.FindLicensesForPlatform("asav").Count);
        Assert.Equal(7, Catalog.FindLicensesForPlatform("FPR4100").Count);
        Assert.Equal(["L-F9K-ASA=", "L-F9K-ASA-SC-10=", "L-F9K-ASA-CAR=", "L-F9K-ASA-ENCR-K9=", "L-FPR9K-ASA-BPU="], Catalog.FindLicensesForPlatform("fpr9300").Select(l => l.Pid));
        Assert.Empty(Catalog.FindLicensesForPlatform("fpr1000"));
    }

    [Fact]
    public void FindModel_TellsAsavAndFirepowerApart()
    {
        Assert.NotNull(Catalog.FindFirepowerModel("firepower 9300 sm-36"));
        Assert.Null(Catalog.FindAsavModel("Firepower 4110"));
        Assert.Null(Catalog.FindFirepowerModel("ASAv10"));
        Assert.Null(Catalog.FindModel("ASAv20"));
        Assert.Equal("Firepower 4100", Catalog.FindPlatform("firepower 4100")?.Name);
    }

    [Theory]
    [InlineData("L-ASAV10S-K9=", ExportClass.K9)]
    [InlineData("L-TLS-500-K8=", ExportClass.K8)]
    [InlineData("l-x-k8", ExportClass.K8)]
    [InlineData("L-FPR4K-ASASC-10=", ExportClass.None)]
    [InlineData("L-K9X=", ExportClass.None)]
    public void ExportClassOf_ReadsPidSuffix(string pid, ExportClass expected)
    {
        Assert.Equal(expected, LicenseSku.ExportClassOf(pid));
    }
}
