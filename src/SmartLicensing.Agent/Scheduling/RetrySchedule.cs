namespace SmartLicensing.Agent.Scheduling;

/// <summary>
/// When to try again after failed exchanges: 15 minutes after the first failure, doubling with
/// each further failure, at most 24 hours, and never later than the deadline the retry protects.
/// </summary>
internal static class RetrySchedule
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(24);

    /// <param name="now">Time of the failure.</param>
    /// <param name="consecutiveFailures">Failures in a row, including this one (1 or more).</param>
    /// <param name="deadline">Expiry the retry is racing, if any; a retry is never scheduled after it.</param>
    public static DateTimeOffset NextAttempt(DateTimeOffset now, int consecutiveFailures, DateTimeOffset? deadline)
    {
        var doublings = Math.Clamp(consecutiveFailures - 1, 0, 16);
        var delay = FirstDelay * Math.Pow(2, doublings);
        if (delay > MaxDelay)
        {
            delay = MaxDelay;
        }

        var next = now + delay;
        if (deadline is { } end && end > now && next > end)
        {
            return end;
        }

        return next;
    }
}
