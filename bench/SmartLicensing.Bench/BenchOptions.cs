using System.Globalization;

namespace SmartLicensing.Bench;

/// <summary>Command line of the benchmark.</summary>
internal sealed record BenchOptions
{
    public const string PostgresVariable = "SMARTLIC_BENCH_POSTGRES";
    public const string TestPostgresVariable = "SMARTLIC_TEST_POSTGRES";

    public string Store { get; init; } = "sqlite";

    public int Devices { get; init; } = 64;

    public int Seconds { get; init; } = 10;

    /// <summary>
    /// Unmeasured load before each window, in seconds. The authority is a larger program than the
    /// ceiling probe, so its JIT needs longer to settle; a profile still showed the JIT busy 4 s
    /// into a phase. Both sides get the same warm-up.
    /// </summary>
    public int WarmUpSeconds { get; init; } = 10;

    /// <summary>When set, only the license summary probe runs, on a store seeded with this many product instances.</summary>
    public int? SummaryInstances { get; init; }

    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            var value = args[++i];
            switch (name)
            {
                case "--store" when value is "sqlite" or "postgres":
                    options = options with { Store = value };
                    break;
                case "--devices" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var devices) && devices is >= 1 and <= 1024:
                    options = options with { Devices = devices };
                    break;
                case "--seconds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 600:
                    options = options with { Seconds = seconds };
                    break;
                case "--warm-up" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var warmUp) && warmUp is >= 0 and <= 600:
                    options = options with { WarmUpSeconds = warmUp };
                    break;
                case "--summary-instances" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 10_000_000:
                    options = options with { SummaryInstances = count };
                    break;
                default:
                    return (null, $"unknown option or bad value: {name} {value}");
            }
        }

        return (options, null);
    }

    /// <summary>The PostgreSQL connection string from the environment, or null.</summary>
    public static string? PostgresConnectionString() =>
        NonEmpty(Environment.GetEnvironmentVariable(PostgresVariable)) ?? NonEmpty(Environment.GetEnvironmentVariable(TestPostgresVariable));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public const string Usage =
        "usage: SmartLicensing.Bench [--store sqlite|postgres] [--devices N (1-1024)] [--seconds S (1-600)] [--warm-up S (0-600, default 10)] [--summary-instances N]";
}
