using System.Text;
using SmartLicensing.Asa.Show;

namespace SmartLicensing.Asa.Tests.Show;

public sealed class ShowTextTests
{
    [Fact]
    public void AgentDate_AnyOffset_PrintsUtcInAgentFormat()
    {
        var time = new DateTimeOffset(2023, 2, 10, 12, 27, 20, TimeSpan.FromHours(1));

        Assert.Equal("Feb 10 2023 11:27:20 UTC", ShowText.AgentDate(time));
    }

    [Fact]
    public void ClockDate_PrintsAsaClockFormat()
    {
        var time = new DateTimeOffset(2021, 6, 9, 14, 35, 24, 486, TimeSpan.Zero);

        Assert.Equal("14:35:24.486 UTC Wed Jun 9 2021", ShowText.ClockDate(time));
    }

    [Fact]
    public void Banner_DefaultRule_MatchesTitleLength()
    {
        var text = new StringBuilder().Banner("Agent Version").ToString();

        Assert.Equal("Agent Version\n=============\n", text);
    }

    [Theory]
    [InlineData(0, 0, 2, 3, "2 mins 3 secs")]
    [InlineData(0, 1, 1, 0, "1 hour 1 min")]
    [InlineData(3, 22, 5, 0, "3 days 22 hours")]
    [InlineData(1, 0, 0, 0, "1 day 0 hours")]
    public void Uptime_TwoLargestUnits(int days, int hours, int minutes, int seconds, string expected)
    {
        Assert.Equal(expected, VersionRenderer.Uptime(new TimeSpan(days, hours, minutes, seconds)));
    }
}
