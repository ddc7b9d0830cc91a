namespace SmartLicensing.Cli.Connection;

/// <summary>The connection values given on the command line; null where an option was not given.</summary>
internal sealed record ConnectionInputs(string? Server, string? ApiKey, string? DataDirectory, string? CaFile);
