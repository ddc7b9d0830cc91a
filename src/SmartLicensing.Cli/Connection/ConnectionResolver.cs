namespace SmartLicensing.Cli.Connection;

/// <summary>
/// Decides which server, API key and CA file an admin command uses. Each value comes from the
/// first source that has it: explicit options, then the <c>--data</c> folder (admin.env and
/// ca.pem), then the environment variables.
/// </summary>
internal static class ConnectionResolver
{
    public const string CaFileName = "ca.pem";

    public static ConnectionResolution Resolve(ConnectionInputs inputs, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);

        AdminEnvFile? adminEnv = null;
        string? dataCaFile = null;
        if (Given(inputs.DataDirectory) is { } dataDirectory)
        {
            var adminEnvPath = Path.Combine(dataDirectory, AdminEnvFile.FileName);
            if (!File.Exists(adminEnvPath))
            {
                return ConnectionResolution.Failure(
                    $"error: {adminEnvPath} not found. Start the license server once with 'smartlic authority --data {dataDirectory}' to create it, or give --server and --api-key.",
                    CliApp.Failure);
            }

            adminEnv = AdminEnvFile.Parse(File.ReadAllText(adminEnvPath));
            var caPath = Path.Combine(dataDirectory, CaFileName);
            dataCaFile = File.Exists(caPath) ? caPath : null;
        }

        var server = Given(inputs.Server) ?? Given(adminEnv?.Server) ?? Given(getEnvironmentVariable(EnvironmentVariables.Server));
        var apiKey = Given(inputs.ApiKey) ?? Given(adminEnv?.ApiKey) ?? Given(getEnvironmentVariable(EnvironmentVariables.ApiKey));
        var caFile = Given(inputs.CaFile) ?? dataCaFile ?? Given(getEnvironmentVariable(EnvironmentVariables.CaFile));

        if (server is null || apiKey is null)
        {
            return ConnectionResolution.Failure(MissingMessage(server is null, apiKey is null), CliApp.UsageError);
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var serverUri)
            || (serverUri.Scheme != Uri.UriSchemeHttps && serverUri.Scheme != Uri.UriSchemeHttp))
        {
            return ConnectionResolution.Failure(
                $"error: the server URL '{server}' is invalid. Give an absolute http or https URL, for example https://127.0.0.1:8443.",
                CliApp.UsageError);
        }

        if (caFile is not null && !File.Exists(caFile))
        {
            return ConnectionResolution.Failure($"error: the CA file {caFile} was not found.", CliApp.Failure);
        }

        return ConnectionResolution.Success(new ConnectionSettings(serverUri, apiKey, caFile));
    }

    private static string MissingMessage(bool serverMissing, bool apiKeyMissing)
    {
        var missing = (serverMissing, apiKeyMissing) switch
        {
            (true, true) => "no license server URL and no API key",
            (true, false) => "no license server URL",
            _ => "no API key",
        };

        return $"error: {missing} given. Give them in one of three ways: "
            + "the options --server URL and --api-key KEY; "
            + "--data DIR, the data folder of 'smartlic authority', whose admin.env has both; "
            + $"or the environment variables {EnvironmentVariables.Server} and {EnvironmentVariables.ApiKey}.";
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
