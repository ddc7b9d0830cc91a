using System.Diagnostics;
using System.Reflection;
using System.Text;
using SmartLicensing.Server.Hosting;

namespace SmartLicensing.Bench;

/// <summary>
/// A server the benchmark measures, run as a child process of this program (the same binary with
/// the <c>serve</c> command), so the load generator and the server do not share a heap. It listens
/// on 127.0.0.1 with a free port; closing its standard input stops it, and disposing kills it if it
/// has not stopped.
/// </summary>
internal sealed class ChildServer : IAsyncDisposable
{
    public const string ServeCommand = "serve";
    public const string AuthorityKind = "authority";
    public const string CeilingKind = "ceiling";
    public const string DatabaseVariable = "SMARTLIC_BENCH_CHILD_DATABASE";

    private const string ListeningPrefix = "Now listening on: ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private static readonly List<Process> Running = [];
    private static readonly Lock RunningLock = new();

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Lock _logLock = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _problems = new();
    private int _problemLinesToKeep;

    private ChildServer(Process process)
    {
        _process = process;
    }

    public string Url { get; private set; } = "";

    public int ProcessId => _process.Id;

    /// <summary>The number of warnings and errors the child logged.</summary>
    public int Warnings { get; private set; }

    /// <summary>The first warnings and errors the child logged, each with the lines that follow it.</summary>
    public string Problems
    {
        get
        {
            lock (_logLock)
            {
                return _problems.ToString();
            }
        }
    }

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

    /// <summary>Starts the child and waits until it prints the address it listens on.</summary>
    public static async Task<ChildServer> StartAsync(string kind, string dataDirectory, string? database)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        start.FileName = self;
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        start.ArgumentList.Add(ServeCommand);
        start.ArgumentList.Add(kind);
        start.ArgumentList.Add(dataDirectory);
        if (database is not null)
        {
            // The environment, not the command line, so a password does not show in process lists.
            start.Environment[DatabaseVariable] = database;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildServer(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Exited += (_, _) => child._listening.TrySetException(new InvalidOperationException($"the {kind} server exited before it listened"));
        process.Start();
        lock (RunningLock)
        {
            Running.Add(process);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            child.Url = (await child._listening.Task.WaitAsync(StartTimeout)).TrimEnd('/');
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            var log = child.Log;
            await child.DisposeAsync();
            throw new InvalidOperationException($"The {kind} server did not start: {ex.Message}{Environment.NewLine}{log}", ex);
        }

        return child;
    }

    /// <summary>Resident memory of the child in bytes, read from /proc.</summary>
    public long ResidentBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>CPU time the child has used so far, all threads.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>
    /// Kills every child still running and deletes <paramref name="dataDirectory"/>, at the end of
    /// a run or when it is interrupted. Best effort: a file a child still writes may keep the folder.
    /// </summary>
    public static void StopAllAndDelete(string dataDirectory)
    {
        lock (RunningLock)
        {
            foreach (var process in Running)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(TimeSpan.FromSeconds(5));
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp clean-up.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await _process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            lock (RunningLock)
            {
                Running.Remove(_process);
            }

            _process.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            // The authority logs every registration; keep the start of the log for error messages.
            if (_log.Length < 64 * 1024)
            {
                _log.AppendLine(line);
            }

            // The console logger starts an entry with its level, and the message and any exception follow on the next lines.
            if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                Warnings++;
                _problemLinesToKeep = _problems.Length < 8 * 1024 ? 4 : 0;
            }

            if (_problemLinesToKeep > 0)
            {
                _problems.AppendLine(line);
                _problemLinesToKeep--;
            }
        }

        var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(line[(at + ListeningPrefix.Length)..].Trim());
        }
    }

    /// <summary>The child side: runs the server until standard input closes.</summary>
    public static async Task<int> ServeAsync(IReadOnlyList<string> args)
    {
        if (args.Count != 3)
        {
            await Console.Error.WriteLineAsync("usage: serve authority|ceiling <data folder>");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            await Console.In.ReadToEndAsync(CancellationToken.None);
            await stop.CancelAsync();
        });

        if (args[1] == CeilingKind)
        {
            return await CeilingHost.RunAsync(args[2], Console.Out, stop.Token);
        }

        var options = new AuthorityOptions
        {
            DataDirectory = args[2],
            Listen = "https://127.0.0.1:0",
            AccountName = "Benchmark",
            Database = Environment.GetEnvironmentVariable(DatabaseVariable),
        };
        return await AuthorityHost.RunAsync(options, Console.Out, stop.Token);
    }
}
