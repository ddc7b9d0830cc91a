using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SmartLicensing.EndToEnd.Support;

/// <summary>
/// The real <c>smartlic authority</c> process on 127.0.0.1 with a free port and a fresh data folder.
/// It is killed with its process tree when the fixture is disposed, whatever the tests did.
/// </summary>
public sealed class AuthorityProcess : IAsyncLifetime
{
    private const string ListeningPrefix = "Now listening on: ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _log = new();
    private readonly Lock _logLock = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("smartlic-e2e-authority-").FullName;

    /// <summary>Base URL the server listens on, for example https://127.0.0.1:41234.</summary>
    public string Url { get; private set; } = "";

    public string CaFile => Path.Combine(DataDirectory, "ca.pem");

    /// <summary>Starts the server with <c>--lab-clock</c>, so tests can move its time with <c>smartlic clock</c>.</summary>
    public bool LabClock { get; init; }

    /// <summary>PostgreSQL connection string passed with <c>--database</c>; null keeps the SQLite default.</summary>
    public string? Database { get; init; }

    /// <summary>Device endpoint URL for the call-home profile of an emulated ASA.</summary>
    public string DeviceEndpoint => Url + "/its/service/oddce/services/DDCEService";

    /// <summary>Everything the server printed so far, for assertion messages.</summary>
    public string Log
    {
        get
        {
            lock (_logLock)
            {
                return _log.ToString();
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        string[] args = ["authority", "--data", DataDirectory, "--listen", "https://127.0.0.1:0", "--account-name", "End-to-end", .. LabClock ? ["--lab-clock"] : Array.Empty<string>(), .. Database is null ? Array.Empty<string>() : ["--database", Database]];
        _process = new Process { StartInfo = ProcessRunner.CreateStartInfo(args, redirectInput: false), EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, "");
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, "stderr: ");
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("The authority process exited before it listened."));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            Url = (await _listening.Task.WaitAsync(StartTimeout)).TrimEnd('/');
            await WaitForFileAsync(Path.Combine(DataDirectory, "admin.env"));
            await WaitForFileAsync(CaFile);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            await DisposeAsync();
            throw new InvalidOperationException($"smartlic authority did not start: {ex.Message}{Environment.NewLine}{Log}", ex);
        }
    }

    /// <summary>Stops the server with SIGTERM, as a service manager does, and returns its exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The authority is not running.");
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        // Waits for the end of the output as well, so the last lines are in the log.
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (InvalidOperationException)
            {
                // The process was never started or has already gone.
            }
            finally
            {
                process.Dispose();
            }
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying process; the temp folder is cleaned by the system later.
        }
    }

    private void OnLine(string? line, string prefix)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log.Append(prefix).AppendLine(line);
        }

        var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (prefix.Length == 0 && at >= 0)
        {
            _listening.TrySetResult(line[(at + ListeningPrefix.Length)..].Trim());
        }
    }

    /// <summary>Runs an admin command against this server with <c>--data</c>; fails the test if it fails.</summary>
    public async Task<ProcessResult> AdminAsync(params string[] args)
    {
        var result = await ProcessRunner.RunAsync([.. args, "--data", DataDirectory]);
        Assert.False(result.TimedOut, "The admin command timed out." + Environment.NewLine + result.Describe() + Environment.NewLine + "--- authority ---" + Environment.NewLine + Log);
        return result;
    }

    private static async Task WaitForFileAsync(string path)
    {
        var waited = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"{path} was not written within 30 seconds.");
            }

            await Task.Delay(100);
        }
    }
}
