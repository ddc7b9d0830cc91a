using System.CommandLine;
using SmartLicensing.Cli.Connection;

namespace SmartLicensing.Cli.Commands;

/// <summary>The connection and output options every admin command takes. Each command gets its own instances.</summary>
internal sealed class AdminOptions
{
    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"URL of the license server, for example https://127.0.0.1:8443. Default: from --data, then {EnvironmentVariables.Server}.",
        HelpName = "URL",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"Admin API key. Default: from --data, then {EnvironmentVariables.ApiKey}.",
        HelpName = "KEY",
    };

    public Option<string?> DataDirectory { get; } = new("--data")
    {
        Description = "Data folder of 'smartlic authority': reads the server URL and API key from DIR/admin.env and trusts DIR/ca.pem.",
        HelpName = "DIR",
    };

    public Option<string?> CaFile { get; } = new("--ca")
    {
        Description = $"PEM file with the CA certificate to trust for the server's TLS certificate. Default: DIR/ca.pem with --data, then {EnvironmentVariables.CaFile}, then the system store.",
        HelpName = "FILE",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the result as JSON, for scripts.",
    };

    public static AdminOptions AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);

        var options = new AdminOptions();
        command.Options.Add(options.Server);
        command.Options.Add(options.ApiKey);
        command.Options.Add(options.DataDirectory);
        command.Options.Add(options.CaFile);
        command.Options.Add(options.Json);
        return options;
    }

    public ConnectionInputs Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new ConnectionInputs(
            parseResult.GetValue(Server),
            parseResult.GetValue(ApiKey),
            parseResult.GetValue(DataDirectory),
            parseResult.GetValue(CaFile));
    }
}
