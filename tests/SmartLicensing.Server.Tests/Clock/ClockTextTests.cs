using SmartLicensing.Server.Clock;
using Xunit;

namespace SmartLicensing.Server.Tests.Clock;

public sealed class ClockTextTests
{
    [Theory]
    [InlineData("91d", 91 * 86400)]
    [InlineData("12h", 12 * 3600)]
    [InlineData("1d12h", 36 * 3600)]
    [InlineData("90s", 90)]
    [InlineData("2h30m", 9000)]
    [InlineData("P91D", 91 * 86400)]
    [InlineData("PT36H", 36 * 3600)]
    [InlineData("-5d", -5 * 86400)]
    public void TryParseDuration_ValidText_Parses(string text, long seconds)
    {
        Assert.True(ClockText.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("5 days")]
    [InlineData("5x")]
    [InlineData("99999999d")]
    [InlineData("P")]
    public void TryParseDuration_InvalidText_Fails(string text)
    {
        Assert.False(ClockText.TryParseDuration(text, out _));
    }

    [Theory]
    [InlineData("2027-03-01", "2027-03-01T00:00:00Z")]
    [InlineData("2027-03-01T08:30", "2027-03-01T08:30:00Z")]
    [InlineData("2027-03-01T08:30:15Z", "2027-03-01T08:30:15Z")]
    [InlineData("2027-03-01T10:30:15+02:00", "2027-03-01T08:30:15Z")]
    public void TryParseTime_ValidText_ReadsUtc(string text, string expected)
    {
        Assert.True(ClockText.TryParseTime(text, out var time));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
    }

    [Fact]
    public void Duration_DaysAndHours_Worded()
    {
        Assert.Equal("91 days 2 hours", ClockText.Duration(TimeSpan.FromHours(91 * 24 + 2)));
        Assert.Equal("0 seconds", ClockText.Duration(TimeSpan.Zero));
    }
}
