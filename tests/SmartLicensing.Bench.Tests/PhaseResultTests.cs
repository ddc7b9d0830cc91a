namespace SmartLicensing.Bench.Tests;

public sealed class PhaseResultTests
{
    [Fact]
    public void From_LongStall_CountsInP99Only()
    {
        // The 3 s request started in a measured slice but ended after it.
        List<double>[] latencies = [[2, 4], [3000]];

        var result = PhaseResult.From(latencies, completed: 2, failed: 0, seconds: 10, new CpuUse(1, 0.5, 0.2));

        Assert.Equal(2, result.Succeeded);
        Assert.Equal(0.2, result.PerSecond, 6);
        Assert.Equal(3000, result.P99Milliseconds);
        Assert.Equal(500_000, result.ServerCpuMicroseconds, 6);
    }

    [Fact]
    public void From_NoSuccess_ZeroRateAndNoLatency()
    {
        var result = PhaseResult.From([[]], completed: 0, failed: 3, seconds: 10, new CpuUse(1, 1, null));

        Assert.Equal(0, result.PerSecond);
        Assert.True(double.IsNaN(result.P99Milliseconds));
        Assert.True(double.IsNaN(result.RestCpuMicroseconds));
        Assert.True(double.IsNaN(result.IdleShare));
    }

    [Fact]
    public void IdleShare_HalfTheProcessorsUsed_Half()
    {
        var processors = MachineCpu.Processors();
        var result = PhaseResult.From([[1]], completed: 1, failed: 0, seconds: 10, new CpuUse(processors * 2.5, processors * 1.5, processors * 1.0));

        Assert.Equal(0.5, result.IdleShare, 6);
    }
}
