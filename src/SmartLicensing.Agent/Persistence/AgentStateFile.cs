using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartLicensing.Agent.Persistence;

/// <summary>
/// Reads and writes the agent's state file. Writes are atomic: the new content goes to a temporary
/// file in the same folder, is flushed to disk and then replaces the old file, so a crash leaves
/// either the old or the new state and never half of one.
/// </summary>
internal sealed class AgentStateFile(string path)
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string CorruptPath => Path + ".corrupt";

    /// <summary>
    /// Loads the state. A missing file is a fresh, unregistered agent. A file that cannot be read
    /// as agent state is moved to <see cref="CorruptPath"/> and the agent starts unregistered;
    /// <paramref name="problem"/> then describes what was wrong.
    /// </summary>
    public StoredAgentData Load(out string? problem)
    {
        problem = null;
        if (!File.Exists(Path))
        {
            return new StoredAgentData();
        }

        var bytes = File.ReadAllBytes(Path);
        if (TryParse(bytes, out var data, out problem))
        {
            return data;
        }

        File.Move(Path, CorruptPath, overwrite: true);
        problem = $"The agent state file '{Path}' is invalid ({problem}); it was moved to '{CorruptPath}' and the agent starts unregistered.";
        return new StoredAgentData();
    }

    public void Save(StoredAgentData data)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(data, JsonOptions);
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(folder);

        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // The file holds the device's private key.
            options.UnixCreateMode = OwnerReadWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static bool TryParse(byte[] bytes, out StoredAgentData data, out string? problem)
    {
        data = new StoredAgentData();
        StoredAgentData? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<StoredAgentData>(bytes, JsonOptions);
        }
        catch (JsonException ex)
        {
            problem = $"not valid JSON: {ex.Message}";
            return false;
        }

        if (parsed?.State is null)
        {
            problem = "no state in the file";
            return false;
        }

        if (parsed.Version != StoredAgentData.CurrentVersion)
        {
            problem = $"format version {parsed.Version} is not supported; expected {StoredAgentData.CurrentVersion}";
            return false;
        }

        if ((parsed.DevicePrivateKey is null) != (parsed.IdCertificate is null))
        {
            problem = "the device key and the ID certificate must both be present or both absent";
            return false;
        }

        if (parsed.HasRegistration && !IsReadableRegistration(parsed, out problem))
        {
            return false;
        }

        data = Normalize(parsed);
        problem = null;
        return true;
    }

    private static bool IsReadableRegistration(StoredAgentData data, out string? problem)
    {
        try
        {
            if (Convert.FromBase64String(data.DevicePrivateKey!).Length != 32)
            {
                problem = "the device key is not 32 bytes";
                return false;
            }

            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(data.IdCertificate!));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            problem = $"the device key or ID certificate cannot be read: {ex.Message}";
            return false;
        }

        problem = null;
        return true;
    }

    // A process that stopped during an exchange leaves Registering behind; the outcome was never stored.
    private static StoredAgentData Normalize(StoredAgentData data)
    {
        var state = data.State with { Entitlements = data.State.Entitlements?.ToImmutableArray() ?? [] };
        if (state.Registration == RegistrationStatus.Registering)
        {
            state = state with { Registration = data.HasRegistration ? RegistrationStatus.Registered : RegistrationStatus.Unregistered };
        }

        if (state.Registration == RegistrationStatus.Registered && !data.HasRegistration)
        {
            state = state with { Registration = RegistrationStatus.Unregistered };
        }

        return data with { State = state };
    }
}
