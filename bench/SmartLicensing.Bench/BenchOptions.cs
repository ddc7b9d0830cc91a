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
    /// Unmeasured load of each server before its window, in seconds, in slices that alternate with
    /// the other server's. The authority is a larger program than the ceiling probe, so its JIT
    /// needs longer to settle. A profile still showed the JIT busy 4 s into a phase.
    /// </summary>
    public int WarmUpSeconds { get; init; } = 10;

    /// <summary>When set, only the license summary probe runs, on a store seeded with this many product instances.</summary>
    public int? SummaryInstances { get; init; }

    /// <summary>True when the arguments ask for the usage text.</summary>
    public static bool AsksForHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--store" or "--devices" or "--seconds" or "--warm-up" or "--summary-instances"))
            {
                return (null, $"unknown option '{name}'");
            }

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
                case "--store":
                    return (null, $"--store is sqlite or postgres, not '{value}'");
                case "--devices":
                    if (ReadCount(name, value, 1, 1024, out var devices) is { } devicesError)
                    {
                        return (null, devicesError);
                    }

                    options = options with { Devices = devices };
                    break;
                case "--seconds":
                    if (ReadCount(name, value, 1, 600, out var seconds) is { } secondsError)
                    {
                        return (null, secondsError);
                    }

                    options = options with { Seconds = seconds };
                    break;
                case "--warm-up":
                    if (ReadCount(name, value, 0, 600, out var warmUp) is { } warmUpError)
                    {
                        return (null, warmUpError);
                    }

                    options = options with { WarmUpSeconds = warmUp };
                    break;
                default:
                    if (ReadCount(name, value, 1, 10_000_000, out var count) is { } countError)
                    {
                        return (null, countError);
                    }

                    options = options with { SummaryInstances = count };
                    break;
            }
        }

        return (options, null);
    }

    /// <summary>Reads a whole number in [min, max]; returns the error message, or null when the value is valid.</summary>
    private static string? ReadCount(string name, string value, int min, int max, out int result)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name} takes a whole number from {min} to {max}, not '{value}'");
        }

        return result < min || result > max
            ? string.Create(CultureInfo.InvariantCulture, $"{name} is {result}, outside {min} to {max}")
            : null;
    }

    /// <summary>The PostgreSQL connection string from the environment, or null.</summary>
    public static string? PostgresConnectionString() =>
        NonEmpty(Environment.GetEnvironmentVariable(PostgresVariable)) ?? NonEmpty(Environment.GetEnvironmentVariable(TestPostgresVariable));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public const string Usage =
        """
        usage: SmartLicensing.Bench [options]
          --store sqlite|postgres   the store of the measured authority (default sqlite); postgres reads the
                                    connection string from SMARTLIC_BENCH_POSTGRES, else SMARTLIC_TEST_POSTGRES
          --devices N               simulated devices, one connection each (1 to 1024, default 64)
          --seconds S               measured time of each server in each phase, in seconds (1 to 600, default 10)
          --warm-up S               unmeasured load of each server before that, in seconds (0 to 600, default 10)
                                    The authority and the ceiling probe take turns in slices of about 2 s.
          --summary-instances N     instead of the load run, time the license summary of a virtual account
                                    with N product instances (1 to 10000000)
        exit code: 0 measured, 1 failed requests, a phase without a success or a server that did not start,
                   2 invalid options or no PostgreSQL connection string
        """;
}
