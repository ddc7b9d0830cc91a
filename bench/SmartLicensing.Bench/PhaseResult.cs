namespace SmartLicensing.Bench;

/// <summary>What one measured phase achieved: completed requests per second, latency percentiles and server CPU.</summary>
/// <param name="Succeeded">Requests answered with success inside the window.</param>
/// <param name="Failed">Requests that failed inside the window.</param>
/// <param name="Seconds">Length of the window.</param>
/// <param name="P50Milliseconds">Median latency of the successful requests.</param>
/// <param name="P99Milliseconds">99th percentile latency of the successful requests.</param>
/// <param name="ServerCpuSeconds">CPU time the server process used during the window, all threads.</param>
internal sealed record PhaseResult(int Succeeded, int Failed, double Seconds, double P50Milliseconds, double P99Milliseconds, double ServerCpuSeconds)
{
    public double PerSecond => Seconds <= 0 ? 0 : Succeeded / Seconds;

    /// <summary>Server CPU per completed request in microseconds: less noisy than throughput on a shared machine.</summary>
    public double ServerCpuMicroseconds => Succeeded == 0 ? 0 : ServerCpuSeconds * 1e6 / Succeeded;

    public static PhaseResult From(IEnumerable<List<double>> latencies, int failed, double seconds, double serverCpuSeconds)
    {
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new PhaseResult(all.Length, failed, seconds, Percentile(all, 0.50), Percentile(all, 0.99), serverCpuSeconds);
    }

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
