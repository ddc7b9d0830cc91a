namespace SmartLicensing.Bench.Tests;

public sealed class ScheduleTests
{
    [Fact]
    public void Schedule_Defaults_TwoSecondSlicesInTurn()
    {
        var slices = LoadGenerator.Schedule(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        Assert.Equal(20, slices.Count);
        Assert.All(slices, s => Assert.Equal(TimeSpan.FromSeconds(2), s.End - s.Start));
        Assert.Equal([0, 1, 1, 0, 0, 1, 1, 0], slices.Take(8).Select(s => s.Target));
        Assert.All(slices.Take(10), s => Assert.False(s.Measured));
        Assert.All(slices.Skip(10), s => Assert.True(s.Measured));
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(1, 0)]
    [InlineData(3, 1)]
    [InlineData(7, 5)]
    [InlineData(600, 0)]
    public void Schedule_AnyWindow_WholeWindowAfterWarmUp(int windowSeconds, int warmUpSeconds)
    {
        var window = TimeSpan.FromSeconds(windowSeconds);
        var warmUp = TimeSpan.FromSeconds(warmUpSeconds);

        var slices = LoadGenerator.Schedule(window, warmUp);

        foreach (var target in (int[])[0, 1])
        {
            var own = slices.Where(s => s.Target == target).ToList();
            Assert.Equal(window, Sum(own.Where(s => s.Measured)));
            Assert.True(Sum(own.Where(s => !s.Measured)) >= warmUp);
        }

        Assert.Equal(TimeSpan.Zero, slices[0].Start);
        Assert.All(slices.Zip(slices.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.DoesNotContain(slices.SkipWhile(s => !s.Measured), s => !s.Measured);
    }

    [Fact]
    public void Schedule_EvenPairs_SameMeanTime()
    {
        // ABBA: a drift that slows the machine steadily during the phase costs both targets alike.
        var measured = LoadGenerator.Schedule(TimeSpan.FromSeconds(8), TimeSpan.Zero).Where(s => s.Measured).ToList();

        var meanStart = measured.GroupBy(s => s.Target).ToDictionary(g => g.Key, g => g.Average(s => (s.Start + s.End).TotalSeconds / 2));

        Assert.Equal(meanStart[0], meanStart[1], 6);
    }

    private static TimeSpan Sum(IEnumerable<Slice> slices) => slices.Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.End - s.Start));
}
