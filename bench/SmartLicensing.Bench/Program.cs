using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using SmartLicensing.Bench;
using SmartLicensing.Protocol;

if (args.Length > 0 && args[0] == ChildServer.ServeCommand)
{
    return await ChildServer.ServeAsync(args);
}

if (BenchOptions.AsksForHelp(args))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

var (options, error) = BenchOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync($"error: {error}{Environment.NewLine}{BenchOptions.Usage}");
    return 2;
}

string? database = null;
if (options.Store == "postgres")
{
    database = BenchOptions.PostgresConnectionString();
    if (database is null)
    {
        await Console.Error.WriteLineAsync(
            $"error: --store postgres needs a PostgreSQL connection string in {BenchOptions.PostgresVariable} or {BenchOptions.TestPostgresVariable}; neither is set to a connection string. Nothing was measured.");
        return 2;
    }
}

var dataDirectory = Directory.CreateTempSubdirectory("smartlic-bench-").FullName;

// An interrupted run never reaches the clean-up below, so the signal handlers stop the servers
// and delete the data folder (it contains the run's CA and signing keys) before the process ends.
using var interrupted = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => ChildServer.StopAllAndDelete(dataDirectory));
using var terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => ChildServer.StopAllAndDelete(dataDirectory));
try
{
    if (options.SummaryInstances is { } instances)
    {
        return await SummaryProbe.RunAsync(options, instances, dataDirectory, database);
    }

    var window = TimeSpan.FromSeconds(options.Seconds);
    var warmUp = TimeSpan.FromSeconds(options.WarmUpSeconds);
    var runId = Convert.ToHexString(RandomNumberGenerator.GetBytes(3));
    var caFile = Path.Combine(dataDirectory, "ca.pem");
    Console.WriteLine($"store={options.Store} devices={options.Devices} window={options.Seconds}s warm-up={warmUp.TotalSeconds:0.#}s data={dataDirectory}");
    if (database is not null)
    {
        Console.WriteLine($"PostgreSQL connection string from {(Environment.GetEnvironmentVariable(BenchOptions.PostgresVariable) is { Length: > 0 } ? BenchOptions.PostgresVariable : BenchOptions.TestPostgresVariable)}");
    }

    // Both servers run for the whole measurement, and the load alternates between them (see LoadGenerator).
    PhaseResult register, renew, registerCeiling, renewCeiling;
    long serverRss;
    int serverWarnings;
    await using (var server = await ChildServer.StartAsync(ChildServer.AuthorityKind, dataDirectory, database))
    await using (var ceiling = await ChildServer.StartAsync(ChildServer.CeilingKind, dataDirectory, null))
    {
        Console.WriteLine($"authority (pid {server.ProcessId}) on {server.Url}");
        Console.WriteLine($"ceiling probe (pid {ceiling.ProcessId}) on {ceiling.Url}");
        string token;
        using (var admin = AdminClient.Create(server.Url, dataDirectory))
        {
            token = await AdminClient.CreateTokenAsync(admin);
        }

        using var devices = new DeviceFleet(server.Url, caFile, options.Devices, "B" + runId);
        using var ceilingDevices = new DeviceFleet(ceiling.Url, caFile, options.Devices, "C" + runId);
        (register, registerCeiling) = await LoadGenerator.CompareAsync(
            new Target((slot, cancel) => devices.RegisterAsync(slot, DevicePaths.SmartTransport, token, cancel), server.CpuTime),
            new Target((slot, cancel) => ceilingDevices.RegisterAsync(slot, CeilingHost.RegisterPath, "unused", cancel), ceiling.CpuTime),
            options.Devices, window, warmUp);
        Report("register", register);
        Report("register ceiling", registerCeiling);
        if (!devices.AllRegistered || !ceilingDevices.AllRegistered)
        {
            throw new InvalidOperationException("Some device slots have no registered device, so the renewal phase cannot run; the registration phase failed.");
        }

        (renew, renewCeiling) = await LoadGenerator.CompareAsync(
            new Target((slot, cancel) => devices.AuthorizeAsync(slot, DevicePaths.SmartTransport, cancel), server.CpuTime),
            new Target((slot, cancel) => ceilingDevices.AuthorizeAsync(slot, CeilingHost.RenewPath, cancel), ceiling.CpuTime),
            options.Devices, window, warmUp);
        Report("renew", renew);
        Report("renew ceiling", renewCeiling);
        serverRss = server.ResidentBytes();
        serverWarnings = server.Warnings;
        if (serverWarnings > 0)
        {
            // Warnings usually mean requests took a slower path, so the figures may not be the hot path's.
            Console.WriteLine($"The authority logged {serverWarnings} warnings or errors during the run. The first:");
            Console.Write(server.Problems);
        }
    }

    var summary = new (string Key, object Value)[]
    {
        ("store", options.Store),
        ("devices", options.Devices),
        ("seconds", options.Seconds),
        ("renew_per_s", Round(renew.PerSecond)),
        ("renew_ceiling_per_s", Round(renewCeiling.PerSecond)),
        ("renew_ratio", Ratio(renew, renewCeiling)),
        ("renew_p50_ms", Round(renew.P50Milliseconds, 2)),
        ("renew_p99_ms", Round(renew.P99Milliseconds, 2)),
        ("renew_ceiling_p99_ms", Round(renewCeiling.P99Milliseconds, 2)),
        ("renew_errors", renew.Failed),
        ("renew_server_cpu_us", Round(renew.ServerCpuMicroseconds)),
        ("renew_ceiling_server_cpu_us", Round(renewCeiling.ServerCpuMicroseconds)),
        ("renew_rest_cpu_us", Math.Round(renew.RestCpuMicroseconds)),
        ("renew_ceiling_rest_cpu_us", Math.Round(renewCeiling.RestCpuMicroseconds)),
        ("renew_idle", Math.Round(renew.IdleShare, 3)),
        ("renew_ceiling_idle", Math.Round(renewCeiling.IdleShare, 3)),
        ("register_per_s", Round(register.PerSecond)),
        ("register_ceiling_per_s", Round(registerCeiling.PerSecond)),
        ("register_ratio", Ratio(register, registerCeiling)),
        ("register_p50_ms", Round(register.P50Milliseconds, 2)),
        ("register_p99_ms", Round(register.P99Milliseconds, 2)),
        ("register_errors", register.Failed),
        ("register_server_cpu_us", Round(register.ServerCpuMicroseconds)),
        ("register_ceiling_server_cpu_us", Round(registerCeiling.ServerCpuMicroseconds)),
        ("register_rest_cpu_us", Math.Round(register.RestCpuMicroseconds)),
        ("register_ceiling_rest_cpu_us", Math.Round(registerCeiling.RestCpuMicroseconds)),
        ("register_idle", Math.Round(register.IdleShare, 3)),
        ("register_ceiling_idle", Math.Round(registerCeiling.IdleShare, 3)),
        ("server_rss_mb", Round(serverRss / 1048576.0)),
        ("server_warnings", serverWarnings),
    };
    // The rest of the machine and its idle share are left out where /proc/stat cannot be read (NaN).
    Console.WriteLine(string.Join(' ', summary.Where(p => p.Value is not double.NaN).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value}"))));
    // A phase without a single measured success measured nothing, even when it counted no errors.
    return renew.Failed + register.Failed == 0 && new[] { renew, renewCeiling, register, registerCeiling }.All(p => p.Succeeded > 0) ? 0 : 1;
}
catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
{
    // A server that did not start, or an Admin API call that failed: the message names which.
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 1;
}
finally
{
    // The servers have stopped by now, so this only deletes the folder.
    ChildServer.StopAllAndDelete(dataDirectory);
}

static void Report(string phase, PhaseResult result) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{phase,-17} {result.PerSecond,9:0.0}/s  p50 {result.P50Milliseconds,7:0.00} ms  p99 {result.P99Milliseconds,7:0.00} ms  CPU us/request: server {result.ServerCpuMicroseconds:0}, load {result.LoadGeneratorCpuMicroseconds:0}, rest {result.RestCpuMicroseconds:0}  idle {result.IdleShare:P0}  ok {result.Succeeded}  failed {result.Failed}"));

static double Round(double value, int digits = 0) => double.IsNaN(value) ? 0 : Math.Round(value, digits);

static double Ratio(PhaseResult measured, PhaseResult ceiling) =>
    ceiling.PerSecond <= 0 ? 0 : Math.Round(measured.PerSecond / ceiling.PerSecond, 3);
