using System.Text;

namespace SmartLicensing.Server.Hosting;

/// <summary>
/// The admin.env file in the data folder: the server URL and the Admin API key as
/// <c>NAME=value</c> lines that a shell or the CLI can read. Only the owner may read it (mode 0600).
/// </summary>
public static class AdminEnvFile
{
    public const string FileName = "admin.env";
    public const string ServerVariable = "SMARTLIC_SERVER";
    public const string ApiKeyVariable = "SMARTLIC_API_KEY";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Returns the value of a variable in the file, or null when the file or the line is missing.</summary>
    public static string? Read(string path, string variable)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return null;
        }

        var prefix = variable + "=";
        return File.ReadLines(path)
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => line[prefix.Length..].Trim())
            .FirstOrDefault();
    }

    /// <summary>
    /// Writes the server URL and the key, keeping other lines of an existing file. A null key keeps
    /// the key line already in the file. The file is replaced by a rename, so readers never see half of it.
    /// </summary>
    public static void Write(string path, string serverUrl, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(serverUrl);

        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        SetVariable(lines, ServerVariable, serverUrl);
        if (apiKey is not null)
        {
            SetVariable(lines, ApiKeyVariable, apiKey);
        }

        var content = new StringBuilder();
        foreach (var line in lines)
        {
            content.Append(line).Append('\n');
        }

        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.Write(content.ToString());
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only when the file is new; an old temporary file keeps its mode.
            File.SetUnixFileMode(temporary, OwnerOnly);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void SetVariable(List<string> lines, string variable, string value)
    {
        var prefix = variable + "=";
        var index = lines.FindIndex(line => line.StartsWith(prefix, StringComparison.Ordinal));
        if (index >= 0)
        {
            lines[index] = prefix + value;
        }
        else
        {
            lines.Add(prefix + value);
        }
    }
}
