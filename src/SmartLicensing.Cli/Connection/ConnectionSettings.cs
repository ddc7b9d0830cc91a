namespace SmartLicensing.Cli.Connection;

/// <summary>Where the Admin API is and how to reach it: server URL, API key and an optional CA file to trust.</summary>
internal sealed record ConnectionSettings(Uri Server, string ApiKey, string? CaFile);
