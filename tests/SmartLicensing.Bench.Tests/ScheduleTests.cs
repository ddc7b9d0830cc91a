namespace SmartLicensing.Bench.Tests;

public sealed class ScheduleTests
{
    [Fact]
    public void Schedule_Defaults_TakesTurns()
    {
        var slices = LoadGenerator.Schedule(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        Assert.Equal(16, slices.Count);
        Assert.All(slices, s => Assert.Equal(TimeSpan.FromSeconds(2.5), s.End - s.Start));
        Assert.All(slices.Take(8), s => Assert.False(s.Measured));
        Assert.All(slices.Skip(8), s => Assert.True(s.Measured));
        Assert.Equal([0, 1, 1, 0, 0, 1, 1, 0], slices.Skip(8).Select(s => s.Target));
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(1, 0)]
    [InlineData(3, 1)]
    [InlineData(7, 5)]
    [InlineData(11, 3)]
    [InlineData(600, 0)]
    public void Schedule_AnyWindow_WholeWindowAfterWarmUp(int windowSeconds, int warmUpSeconds)
    {
        var window = TimeSpan.FromSeconds(windowSeconds);
        var warmUp = TimeSpan.FromSeconds(warmUpSeconds);

        var slices = LoadGenerator.Schedule(window, warmUp);

        foreach (var target in (int[])[0, 1])
        {
            var own = slices.Where(s => s.Target == target).ToList();

            // Dividing a window into slices rounds to whole ticks of 100 ns.
            Assert.InRange((window - Sum(own.Where(s => s.Measured))).Duration(), TimeSpan.Zero, TimeSpan.FromMicroseconds(1));
            Assert.True(Sum(own.Where(s => !s.Measured)) >= warmUp - TimeSpan.FromMicroseconds(1));
        }

        Assert.Equal(TimeSpan.Zero, slices[0].Start);
        Assert.All(slices.Zip(slices.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.DoesNotContain(slices.SkipWhile(s => !s.Measured), s => !s.Measured);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 0)]
    [InlineData(2, 1)]
    [InlineData(6, 3)]
    [InlineData(30, 7)]
    public void Schedule_AnyWindow_SameMeanTimeMeasured(int windowSeconds, int warmUpSeconds)
    {
        // A drift that slows the machine steadily during the phase then costs both targets alike.
        var measured = LoadGenerator.Schedule(TimeSpan.FromSeconds(windowSeconds), TimeSpan.FromSeconds(warmUpSeconds)).Where(s => s.Measured).ToList();

        var meanTime = measured.GroupBy(s => s.Target).ToDictionary(g => g.Key, g => g.Average(s => (s.Start + s.End).TotalSeconds / 2));

        Assert.Equal(meanTime[0], meanTime[1], 6);
    }

    private static TimeSpan Sum(IEnumerable<Slice> slices) => slices.Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.End - s.Start));
}
