namespace SmartLicensing.Bench;

/// <summary>What one measured phase achieved: completed requests per second and latency percentiles.</summary>
internal sealed record PhaseResult(int Succeeded, int Failed, double Seconds, double P50Milliseconds, double P99Milliseconds)
{
    public double PerSecond => Seconds <= 0 ? 0 : Succeeded / Seconds;

    public static PhaseResult From(IEnumerable<List<double>> latencies, int failed, double seconds)
    {
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new PhaseResult(all.Length, failed, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
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
