namespace SmartLicensing.Cli.Connection;

/// <summary>
/// The admin.env file that <c>smartlic authority</c> writes into its data folder: <c>KEY=VALUE</c>
/// lines with optional <c>export</c> prefix, optional quotes, blank lines and <c>#</c> comments.
/// </summary>
internal sealed record AdminEnvFile(IReadOnlyDictionary<string, string> Values)
{
    public const string FileName = "admin.env";

    public string? Server => Values.GetValueOrDefault(EnvironmentVariables.Server);

    public string? ApiKey => Values.GetValueOrDefault(EnvironmentVariables.ApiKey);

    public static AdminEnvFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            var value = Unquote(line[(equals + 1)..].Trim());
            values[key] = value;
        }

        return new AdminEnvFile(values);
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2
            && (value[0] == '"' || value[0] == '\'')
            && value[^1] == value[0])
        {
            return value[1..^1];
        }

        return value;
    }
}
