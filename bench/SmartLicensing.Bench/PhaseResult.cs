namespace SmartLicensing.Bench;

/// <summary>What one measured phase achieved: completed requests per second, latency percentiles and server CPU.</summary>
/// <param name="Succeeded">Requests answered with success inside the window.</param>
/// <param name="Failed">Requests that failed during the phase, warm-up included.</param>
/// <param name="Seconds">Length of the window.</param>
/// <param name="P50Milliseconds">Median latency of the successful requests.</param>
/// <param name="P99Milliseconds">99th percentile latency of the successful requests.</param>
/// <param name="Cpu">CPU time used during the window.</param>
internal sealed record PhaseResult(int Succeeded, int Failed, double Seconds, double P50Milliseconds, double P99Milliseconds, CpuUse Cpu)
{
    public double PerSecond => Seconds <= 0 ? 0 : Succeeded / Seconds;

    /// <summary>Server CPU per completed request in microseconds: less noisy than throughput on a shared machine.</summary>
    public double ServerCpuMicroseconds => PerRequest(Cpu.Server);

    /// <summary>CPU of the load generator per completed request in microseconds.</summary>
    public double LoadGeneratorCpuMicroseconds => PerRequest(Cpu.LoadGenerator);

    /// <summary>CPU of the rest of the machine per completed request in microseconds, or NaN where it cannot be read.</summary>
    public double RestCpuMicroseconds => Cpu.Rest is { } rest ? PerRequest(Math.Max(0, rest)) : double.NaN;

    /// <summary>
    /// The share of the machine's processors that was not busy during the window (idle, waiting
    /// for I/O or taken by the hypervisor), or NaN where it cannot be read. Above a few percent,
    /// requests waited for something other than a processor: a disk, the database or a lock.
    /// </summary>
    public double IdleShare => Cpu.Rest is { } rest && Seconds > 0
        ? Math.Max(0, 1 - ((Cpu.Server + Cpu.LoadGenerator + rest) / (Seconds * MachineCpu.Processors())))
        : double.NaN;

    /// <param name="latencies">Latencies of the successful requests, one list per device slot.</param>
    /// <param name="completed">Successful requests that started and ended inside one measured slice.</param>
    /// <param name="failed">Failed requests.</param>
    /// <param name="seconds">Length of the window.</param>
    /// <param name="cpu">CPU time used during the window.</param>
    public static PhaseResult From(IEnumerable<List<double>> latencies, int completed, int failed, double seconds, CpuUse cpu)
    {
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new PhaseResult(completed, failed, seconds, Percentile(all, 0.50), Percentile(all, 0.99), cpu);
    }

    private double PerRequest(double cpuSeconds) => Succeeded == 0 ? 0 : cpuSeconds * 1e6 / Succeeded;

    private static double Percentile(double[] sorted, double fraction)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}

/// <summary>CPU time in seconds, all threads, used by the measured server, by the load generator and by the rest of the machine (null where it cannot be read).</summary>
internal readonly record struct CpuUse(double Server, double LoadGenerator, double? Rest);
