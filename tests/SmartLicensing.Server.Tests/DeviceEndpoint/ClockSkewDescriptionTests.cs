using SmartLicensing.Server.DeviceEndpoint;
using Xunit;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

public sealed class ClockSkewDescriptionTests
{
    private static readonly DateTimeOffset Server = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-125 * 60, "The device clock is 2 hours 5 minutes behind")]
    [InlineData(3 * 86400 + 3600, "The device clock is 3 days 1 hour ahead of")]
    [InlineData(11 * 60 + 30, "The device clock is 11 minutes 30 seconds ahead of")]
    public void Describe_Offset_NamesAmountAndDirection(int offsetSeconds, string expectedStart)
    {
        var text = ClockSkewDescription.Describe(Server.AddSeconds(offsetSeconds), Server);

        Assert.StartsWith(expectedStart, text, StringComparison.Ordinal);
        Assert.Contains("server 2026-03-02 09:00:00 UTC", text, StringComparison.Ordinal);
    }
}
