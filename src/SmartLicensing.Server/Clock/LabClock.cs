using System.Globalization;

namespace SmartLicensing.Server.Clock;

/// <summary>
/// The server clock of a lab: the system clock plus an offset that only ever grows. Moving it
/// lets a lab see renewals, deadlines and expiries without waiting for real days. The offset is
/// kept in the data folder, so a restart with the lab clock keeps the time it had.
/// </summary>
/// <remarks>
/// Timers and timestamps come from the inner clock unchanged: a delay that is running when the
/// clock moves still lasts its real length. Code that must react to a move at once runs from
/// <see cref="ClockEndpoints"/>.
/// </remarks>
public sealed class LabClock : TimeProvider
{
    public const string FileName = "lab-clock.txt";

    /// <summary>Largest single move, and largest total offset: ten years of 365 days.</summary>
    public static readonly TimeSpan MaxMove = TimeSpan.FromDays(3650);

    private readonly TimeProvider _inner;
    private readonly string _path;
    private readonly Lock _lock = new();
    private long _offsetTicks;

    private LabClock(TimeProvider inner, string path, TimeSpan offset)
    {
        _inner = inner;
        _path = path;
        _offsetTicks = offset.Ticks;
    }

    /// <summary>How far this clock is ahead of the system clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Loads the offset kept in <paramref name="dataDirectory"/>; none kept means zero.</summary>
    /// <exception cref="InvalidDataException">The file exists but does not hold an offset.</exception>
    public static LabClock Load(TimeProvider inner, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(dataDirectory);

        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return new LabClock(inner, path, TimeSpan.Zero);
        }

        var text = File.ReadAllText(path).Trim();
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) || ticks < 0 || ticks > MaxMove.Ticks)
        {
            throw new InvalidDataException(
                $"'{path}' must hold the lab clock offset as a whole number of 100-nanosecond ticks from 0 to {MaxMove.Ticks}, but holds '{text}'. Delete the file to start the lab clock at the system time.");
        }

        return new LabClock(inner, path, TimeSpan.FromTicks(ticks));
    }

    /// <summary>Moves the clock forward by <paramref name="duration"/>; refuses zero, negative and too large moves.</summary>
    public ClockMove Advance(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return ClockMove.Refused(new ClockDurationInvalid(ClockText.Duration(duration), "the clock only moves forward, so give a duration greater than zero."));
        }

        lock (_lock)
        {
            // One read of the system clock, so the offset grows by exactly the duration.
            var systemNow = _inner.GetUtcNow();
            return MoveTo(systemNow, systemNow + Offset + duration);
        }
    }

    /// <summary>Sets the clock to <paramref name="target"/>; refuses a time before the clock's current time.</summary>
    public ClockMove Set(DateTimeOffset target)
    {
        lock (_lock)
        {
            var systemNow = _inner.GetUtcNow();
            var now = systemNow + Offset;
            if (target < now)
            {
                return ClockMove.Refused(new ClockBackwards(target, now));
            }

            return MoveTo(systemNow, target);
        }
    }

    // Called with the lock held.
    private ClockMove MoveTo(DateTimeOffset systemNow, DateTimeOffset target)
    {
        var before = systemNow + Offset;
        var offset = target - systemNow;
        if (offset > MaxMove || target - before > MaxMove)
        {
            return ClockMove.Refused(new ClockOutOfRange(target, before));
        }

        Save(offset);
        Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
        return ClockMove.Moved(before, target);
    }

    private void Save(TimeSpan offset)
    {
        // Written beside the target and moved over it, so a crash leaves the old or the new value.
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, offset.Ticks.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, _path, overwrite: true);
    }
}
