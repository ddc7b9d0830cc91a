using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SmartLicensing.Asa.Storage;

/// <summary>
/// The device's data folder: what an ASAv keeps across reloads (serial number, startup-config,
/// the Smart Agent's state and the trustpool). Failures return an error text, never throw.
/// </summary>
internal sealed class DeviceStore
{
    private DeviceStore(string root) => Root = root;

    public string Root { get; }

    public string SerialNumberPath => Path.Combine(Root, "serial-number");

    public string StartupConfigPath => Path.Combine(Root, "startup-config");

    public string AgentStatePath => Path.Combine(Root, "smart-agent-state.json");

    public string TrustpoolPath => Path.Combine(Root, "trustpool.pem");

    public static DeviceStore? TryOpen(string root, out string? error)
    {
        try
        {
            var full = Path.GetFullPath(root);
            Directory.CreateDirectory(full);
            error = null;
            return new DeviceStore(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"the data directory '{root}' cannot be created or opened ({ex.Message}). Give a folder you can write to.";
            return null;
        }
    }

    /// <summary>Reads the serial number, or creates and stores one on first boot.</summary>
    public string? LoadOrCreateSerialNumber(out string? error)
    {
        error = null;
        try
        {
            if (File.Exists(SerialNumberPath))
            {
                var stored = File.ReadAllText(SerialNumberPath).Trim();
                if (!SerialNumber.IsValid(stored))
                {
                    error = $"'{SerialNumberPath}' holds '{stored}', which is not an ASAv serial number (11 upper-case letters and digits, first a digit). Restore the file or delete it to get a new serial number.";
                    return null;
                }

                return stored;
            }

            var serial = SerialNumber.Generate();
            WriteAtomically(SerialNumberPath, serial + "\n");
            return serial;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"the serial number file '{SerialNumberPath}' cannot be read or written ({ex.Message}).";
            return null;
        }
    }

    /// <summary>Returns the saved configuration, or null when nothing was saved yet.</summary>
    public string? ReadStartupConfig()
    {
        try
        {
            return File.Exists(StartupConfigPath) ? File.ReadAllText(StartupConfigPath) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool TryWriteStartupConfig(string text, out string? error)
    {
        try
        {
            WriteAtomically(StartupConfigPath, text);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// Loads the trustpool. A given PEM file replaces the stored copy so that it survives reloads;
    /// without one, the stored copy is used, and without that the trustpool is empty.
    /// </summary>
    public X509Certificate2Collection? LoadTrustpool(string? importFile, out string? error)
    {
        error = null;
        string pem;
        var source = importFile ?? TrustpoolPath;
        try
        {
            if (importFile is null && !File.Exists(TrustpoolPath))
            {
                return [];
            }

            pem = File.ReadAllText(source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"the trustpool file '{source}' cannot be read ({ex.Message}). Give a readable PEM file with the license server's root certificate.";
            return null;
        }

        var certificates = Trustpool.TryParse(pem, out var parseError);
        if (certificates is null)
        {
            error = $"the trustpool file '{source}' is not usable: {parseError}. Give a PEM file with the license server's root certificate.";
            return null;
        }

        if (importFile is not null)
        {
            try
            {
                WriteAtomically(TrustpoolPath, pem);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error = $"the trustpool cannot be stored at '{TrustpoolPath}' ({ex.Message}).";
                return null;
            }
        }

        return certificates;
    }

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
