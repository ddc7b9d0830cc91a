using System.Diagnostics;

namespace SmartLicensing.EndToEnd.Support;

/// <summary>Runs <c>dotnet smartlic.dll ...</c> with the dotnet on PATH, feeding stdin and capturing both streams.</summary>
public static class ProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    /// <summary>smartlic.dll, copied next to the tests by the project reference.</summary>
    public static string SmartlicPath { get; } = Path.Combine(AppContext.BaseDirectory, "smartlic.dll");

    public static ProcessStartInfo CreateStartInfo(IEnumerable<string> args, bool redirectInput)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(SmartlicPath);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        // Settings of the machine running the tests must not leak into the programs under test.
        foreach (var name in new[] { "SMARTLIC_SERVER", "SMARTLIC_API_KEY", "SMARTLIC_CA_FILE" })
        {
            startInfo.Environment.Remove(name);
        }

        return startInfo;
    }

    public static async Task<ProcessResult> RunAsync(IReadOnlyList<string> args, string? input = null, TimeSpan? timeout = null)
    {
        var commandLine = "smartlic " + string.Join(' ', args);
        using var process = new Process { StartInfo = CreateStartInfo(args, redirectInput: true) };
        process.Start();

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();

        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return new ProcessResult(commandLine, timedOut ? -1 : process.ExitCode, await output, await error, timedOut);
    }
}
