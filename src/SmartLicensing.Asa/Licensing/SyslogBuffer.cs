using System.Globalization;

namespace SmartLicensing.Asa.Licensing;

/// <summary>The most recent syslog lines with their times, kept for <c>show logging</c>; thread-safe.</summary>
internal sealed class SyslogBuffer
{
    public const int Capacity = 512;

    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();

    public void Add(DateTimeOffset time, string line)
    {
        var stamped = time.ToUniversalTime().ToString("MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture) + ": " + line;
        lock (_lock)
        {
            _lines.Enqueue(stamped);
            while (_lines.Count > Capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lock)
        {
            return [.. _lines];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _lines.Clear();
        }
    }
}
