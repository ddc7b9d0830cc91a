using SmartLicensing.Catalog;
using SmartLicensing.Server.Licenses;
using Xunit;

namespace SmartLicensing.Server.Tests.Licenses;

public sealed class LicenseImportParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ParseCsv_DateExpiry_MeansEndOfThatDayUtc()
    {
        var result = LicenseImportParser.ParseCsv("L-ASAV10S-K9=,1,2026-03-01\n", CatalogLoader.BuiltIn, Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), result.Value.Single().ExpiresAt);
    }

    [Fact]
    public void ParseCsv_IsoExpiryWithOffset_IsConvertedToUtc()
    {
        var result = LicenseImportParser.ParseCsv("L-ASAV10S-K9=,1,2026-04-01T10:00:00+02:00\n", CatalogLoader.BuiltIn, Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero), result.Value.Single().ExpiresAt);
    }

    [Fact]
    public void ParseCsv_QuotedFieldsAndLowerCasePid_UseCatalogPid()
    {
        var result = LicenseImportParser.ParseCsv("\"l-asav10s-k9=\",\"4\"\n", CatalogLoader.BuiltIn, Now);

        Assert.True(result.IsSuccess);
        var line = result.Value.Single();
        Assert.Equal("L-ASAV10S-K9=", line.Pid);
        Assert.Equal(4, line.Quantity);
        Assert.Equal(1, line.LineNumber);
    }

    [Fact]
    public void ParseCsv_HeaderAfterData_IsABadLine()
    {
        var result = LicenseImportParser.ParseCsv("L-ASAV10S-K9=,1\npid,quantity\n", CatalogLoader.BuiltIn, Now);

        Assert.False(result.IsSuccess);
        Assert.IsType<LicenseImportLineInvalid>(result.Error);
        Assert.Equal(2, ((LicenseImportLineInvalid)result.Error).Line);
    }
}
