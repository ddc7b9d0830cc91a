namespace SmartLicensing.EndToEnd.Support;

/// <summary>How a finished smartlic process ended and what it printed.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, string Error, bool TimedOut)
{
    /// <summary>The whole run as text, for assertion messages.</summary>
    public string Describe() =>
        $"$ {CommandLine}{Environment.NewLine}exit code: {(TimedOut ? "timed out" : ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}{Environment.NewLine}"
        + $"--- stdout ---{Environment.NewLine}{Output}{Environment.NewLine}--- stderr ---{Environment.NewLine}{Error}";

    /// <summary>Fails the test with the whole run unless the process exited with code 0.</summary>
    public ProcessResult EnsureSuccess()
    {
        Assert.False(TimedOut, "The process timed out." + Environment.NewLine + Describe());
        Assert.True(ExitCode == 0, "The process failed." + Environment.NewLine + Describe());
        return this;
    }
}
