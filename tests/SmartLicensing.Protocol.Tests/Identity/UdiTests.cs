using SmartLicensing.Protocol.Identity;

namespace SmartLicensing.Protocol.Tests.Identity;

public sealed class UdiTests
{
    [Fact]
    public void ToString_FormatsPidAndSerial()
    {
        Assert.Equal("PID:ASAv,SN:9AHV3KJBEKE", new Udi("ASAv", "9AHV3KJBEKE").ToString());
    }

    [Fact]
    public void TryParse_DeviceUdi_ReturnsFields()
    {
        Assert.True(Udi.TryParse("PID:ASAv,SN:9AHV3KJBEKE", out var udi, out _));
        Assert.Equal("ASAv", udi.ProductId);
        Assert.Equal("9AHV3KJBEKE", udi.SerialNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ASAv,9AHV3KJBEKE")]
    [InlineData("PID:ASAv")]
    [InlineData("PID:,SN:123")]
    [InlineData("PID:ASAv,SN:12 34")]
    [InlineData("SN:123,PID:ASAv")]
    public void TryParse_Malformed_FailsWithReason(string text)
    {
        Assert.False(Udi.TryParse(text, out _, out var error));
        Assert.Contains("UDI", error, StringComparison.Ordinal);
    }
}
