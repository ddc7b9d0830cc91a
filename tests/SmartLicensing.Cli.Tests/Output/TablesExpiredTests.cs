using SmartLicensing.Cli.Api.Models;
using SmartLicensing.Cli.Output;
using SmartLicensing.Cli.Tests.Support;

namespace SmartLicensing.Cli.Tests.Output;

public sealed class TablesExpiredTests
{
    [Fact]
    public void Licenses_TermEnded_ShowsEndDateAsExpired()
    {
        LicenseInfo[] licenses =
        [
            new("Lab", "regid.2014-08.com.cisco.ASAv-STD-1G,1.0_5c4abf17-2b9a-48a5-9b83-af05b8e9dbb6", "ASAv-STD-1G", "ASAv10 Standard - 1G", 0, 1, -1, new DateTimeOffset(2027, 6, 8, 23, 59, 59, TimeSpan.Zero), Expired: true),
        ];

        var text = Render.ToText(Tables.Licenses(licenses));

        Assert.Equal(["Lab", "ASAv10 Standard - 1G", "ASAv-STD-1G", "0", "1", "-1", "2027-06-08 (expired)"], Render.RowCells(text, "ASAv-STD-1G"));
    }
}
