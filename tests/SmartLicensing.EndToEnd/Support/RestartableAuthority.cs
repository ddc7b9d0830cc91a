using System.Diagnostics;
using System.Text;

namespace SmartLicensing.EndToEnd.Support;

/// <summary>
/// The real <c>smartlic authority</c> on 127.0.0.1 that a test can kill without warning (SIGKILL)
/// and start again on the same data folder. Disposing kills a running process and deletes the folder.
/// </summary>
public sealed class RestartableAuthority : IAsyncDisposable
{
    private const string ListeningPrefix = "Now listening on: ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _log = new();
    private readonly Lock _logLock = new();
    private Process? _process;
    private TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("smartlic-e2e-crash-").FullName;

    public string Url { get; private set; } = "";

    public string CaFile => Path.Combine(DataDirectory, "ca.pem");

    public string DatabaseFile => Path.Combine(DataDirectory, "smartlic.db");

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

    /// <summary>Starts the server and waits until it listens; the port is new on every start.</summary>
    public async Task StartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The authority is already running.");
        }

        _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = _listening;
        string[] args = ["authority", "--data", DataDirectory, "--listen", "https://127.0.0.1:0", "--account-name", "Crash test"];
        var process = new Process { StartInfo = ProcessRunner.CreateStartInfo(args, redirectInput: false), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, "", listening);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, "stderr: ", listening);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The authority process exited before it listened."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Url = (await listening.Task.WaitAsync(StartTimeout)).TrimEnd('/');
    }

    /// <summary>Kills the process with SIGKILL, as a power cut or an OOM kill would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        try
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }

        lock (_logLock)
        {
            _log.AppendLine("--- killed ---");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleanup.
        }
    }

    private void OnLine(string? line, string prefix, TaskCompletionSource<string> listening)
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
            listening.TrySetResult(line[(at + ListeningPrefix.Length)..].Trim());
        }
    }
}
