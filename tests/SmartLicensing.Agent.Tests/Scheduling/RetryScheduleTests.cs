using SmartLicensing.Agent.Scheduling;

namespace SmartLicensing.Agent.Tests.Scheduling;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(7, 960)]
    [InlineData(8, 1440)]
    [InlineData(40, 1440)]
    public void NextAttempt_ConsecutiveFailures_DoublesUpToOneDay(int failures, int expectedMinutes)
    {
        Assert.Equal(Now.AddMinutes(expectedMinutes), RetrySchedule.NextAttempt(Now, failures, deadline: null));
    }

    [Fact]
    public void NextAttempt_DeadlineBeforeDelay_ReturnsDeadline()
    {
        var deadline = Now.AddMinutes(5);

        Assert.Equal(deadline, RetrySchedule.NextAttempt(Now, 1, deadline));
    }

    [Fact]
    public void NextAttempt_DeadlinePassed_IgnoresDeadline()
    {
        Assert.Equal(Now.AddMinutes(15), RetrySchedule.NextAttempt(Now, 1, Now.AddDays(-1)));
    }
}
