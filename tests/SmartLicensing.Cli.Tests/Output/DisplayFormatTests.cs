using SmartLicensing.Cli.Output;

namespace SmartLicensing.Cli.Tests.Output;

public sealed class DisplayFormatTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(30 * 24, "2026-12-31 (in 30 days)")]
    [InlineData(30 * 24 - 1, "2026-12-31 (in 30 days)")]
    [InlineData(354 * 24 - 5, "2027-11-20 (in 354 days)")]
    [InlineData(24, "2026-12-02 (in 1 day)")]
    [InlineData(3, "2026-12-01 (in 1 day)")]
    [InlineData(0, "2026-12-01 (expired)")]
    [InlineData(-1, "2026-12-01 (expired)")]
    public void DateWithDaysLeft_HoursAhead_ShowsDaysLeft(int hoursAhead, string expected)
    {
        var text = DisplayFormat.DateWithDaysLeft(Now.AddHours(hoursAhead), Now);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Time_OffsetValue_PrintsUtc()
    {
        var text = DisplayFormat.Time(new DateTimeOffset(2026, 12, 1, 14, 30, 5, TimeSpan.FromHours(2)));

        Assert.Equal("2026-12-01 12:30:05 UTC", text);
    }

    [Fact]
    public void Text_NullOrEmpty_PrintsDash()
    {
        Assert.Equal("-", DisplayFormat.Text(null));
        Assert.Equal("-", DisplayFormat.Text(""));
        Assert.Equal("x", DisplayFormat.Text("x"));
    }
}
