namespace SmartLicensing.Cli.Connection;

/// <summary>Either the settings to connect with, or the message and exit code for why there are none.</summary>
internal sealed record ConnectionResolution(ConnectionSettings? Settings, string? ErrorMessage, int ExitCode)
{
    public static ConnectionResolution Success(ConnectionSettings settings) => new(settings, null, CliApp.Success);

    public static ConnectionResolution Failure(string message, int exitCode) => new(null, message, exitCode);
}
