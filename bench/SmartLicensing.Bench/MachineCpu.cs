using System.Globalization;

namespace SmartLicensing.Bench;

/// <summary>The CPU time all processors of the machine have spent busy since boot, from /proc/stat (Linux).</summary>
internal static class MachineCpu
{
    // /proc/stat counts in USER_HZ, which Linux sets to 100 on x86-64 and arm64.
    private const double TicksPerSecond = 100;

    private static readonly Lazy<int> CountedProcessors = new(CountProcessors);

    /// <summary>Returns the busy time since boot (all but idle, I/O wait and steal), or null where /proc/stat cannot be read.</summary>
    public static TimeSpan? Busy()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            return Parse(reader.ReadLine());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Returns the number of processors /proc/stat counts (its "cpuN" lines), which the busy time
    /// covers. Falls back on <see cref="Environment.ProcessorCount"/>, which a CPU limit or
    /// affinity can lower, where /proc/stat cannot be read. Read once, because it does not change.
    /// </summary>
    public static int Processors() => CountedProcessors.Value;

    private static int CountProcessors()
    {
        try
        {
            var count = File.ReadLines("/proc/stat").Count(line => line.Length > 3 && line.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(line[3]));
            return count > 0 ? count : Environment.ProcessorCount;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Environment.ProcessorCount;
        }
    }

    /// <summary>Reads the busy time from the first line of /proc/stat ("cpu user nice system idle iowait ..."), or null when it has another shape.</summary>
    public static TimeSpan? Parse(string? line)
    {
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is null || fields.Length < 5 || fields[0] != "cpu")
        {
            return null;
        }

        long busy = 0;
        for (var i = 1; i < fields.Length; i++)
        {
            if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return null;
            }

            // Not busy here: idle (4), I/O wait (5) and steal (8), time the hypervisor gave to other
            // machines. Guest time (9 and 10) is already counted in user time.
            if (i is not (4 or 5 or 8 or 9 or 10))
            {
                busy += ticks;
            }
        }

        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }
}
