namespace SmartLicensing.Bench.Tests;

public sealed class MachineCpuTests
{
    [Fact]
    public void Parse_StatLine_SumsBusyFields()
    {
        // user nice system idle iowait irq softirq steal guest guest_nice, in hundredths of a second
        var busy = MachineCpu.Parse("cpu  2807782 10 552524 1496562 7385 5 97496 1032 700 20");

        Assert.Equal(TimeSpan.FromSeconds((2807782 + 10 + 552524 + 5 + 97496) / 100.0), busy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cpu0 1 2 3 4 5")]
    [InlineData("cpu 1 2")]
    [InlineData("cpu 1 2 x 4 5")]
    public void Parse_OtherShape_Null(string? line)
    {
        Assert.Null(MachineCpu.Parse(line));
    }

    [Fact]
    public void Busy_OnLinux_GrowsWithWork()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc/stat exists only on Linux");

        var before = MachineCpu.Busy();
        var until = DateTime.UtcNow.AddMilliseconds(100);
        while (DateTime.UtcNow < until)
        {
            // Keeps one processor busy for longer than one tick of /proc/stat.
        }

        Assert.NotNull(before);
        Assert.True(MachineCpu.Busy() > before);
    }
}
