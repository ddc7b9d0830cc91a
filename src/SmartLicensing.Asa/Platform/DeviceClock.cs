using System.Globalization;

namespace SmartLicensing.Asa.Platform;

/// <summary>
/// The device's own clock: the clock it was started with plus the offset that <c>clock set</c>
/// gave it. The offset is kept in the data folder, so the time survives a reload and the next
/// console session, as the ASA's battery-backed clock does. Unlike the license server's lab
/// clock, it may be set back.
/// </summary>
internal sealed class DeviceClock : TimeProvider
{
    public const string FileName = "clock-offset.txt";

    private readonly TimeProvider _inner;
    private readonly string? _path;
    private long _offsetTicks;

    private DeviceClock(TimeProvider inner, string? path, long offsetTicks)
    {
        _inner = inner;
        _path = path;
        _offsetTicks = offsetTicks;
    }

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Wraps <paramref name="inner"/>; reads the kept offset when the folder has one. An unreadable offset counts as none.</summary>
    public static DeviceClock Create(TimeProvider inner, string? dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner is DeviceClock existing)
        {
            return existing;
        }

        var path = string.IsNullOrWhiteSpace(dataDirectory) ? null : Path.Combine(dataDirectory, FileName);
        long ticks = 0;
        try
        {
            if (path is not null && File.Exists(path))
            {
                _ = long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ticks);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ticks = 0;
        }

        return new DeviceClock(inner, path, ticks);
    }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Sets the clock to <paramref name="time"/> and keeps the offset; returns an error text when the file cannot be written.</summary>
    public string? Set(DateTimeOffset time)
    {
        var offset = time - _inner.GetUtcNow();
        Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
        if (_path is null)
        {
            return null;
        }

        try
        {
            File.WriteAllText(_path, offset.Ticks.ToString(CultureInfo.InvariantCulture));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"the clock is set for this session but could not be saved to '{_path}': {ex.Message}";
        }
    }
}
