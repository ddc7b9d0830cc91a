using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SmartLicensing.Agent;
using SmartLicensing.Asa.Config;
using SmartLicensing.Protocol;

namespace SmartLicensing.Asa.Cli;

/// <summary>Mode changes, saving, reloading and the licensing EXEC commands.</summary>
internal sealed partial class AsaSession
{
    private const string NotRegisteredError =
        "ERROR: The device is not registered with a license server. Register it with 'license smart register idtoken <token>' first.";

    private async Task EnableAsync(CancellationToken cancellationToken)
    {
        // Any password is accepted. Only an interactive console prompts for one, because in a
        // script the next line is a command.
        if (_interactive)
        {
            _output.Write("Password: ");
            await _input.ReadLineAsync(cancellationToken);
        }

        Mode = CliMode.PrivilegedExec;
    }

    private Task Disable()
    {
        Mode = CliMode.UserExec;
        return Task.CompletedTask;
    }

    private Task EndSession()
    {
        _endRequested = true;
        return Task.CompletedTask;
    }

    private Task EnterMode(CliMode mode)
    {
        Mode = mode;
        return Task.CompletedTask;
    }

    private Task ExitMode()
    {
        Mode = Mode.Parent() ?? Mode;
        return Task.CompletedTask;
    }

    private Task WriteMemory()
    {
        var text = ConfigRenderer.RenderFull(Config, _device.Platform, _device.SerialNumber);
        _output.WriteLine("Building configuration...");
        if (!_device.Store.TryWriteStartupConfig(text, out var error))
        {
            _output.WriteLine($"ERROR: Unable to save the configuration to '{_device.Store.StartupConfigPath}': {error}");
            _output.WriteLine("[FAILED]");
            return Task.CompletedTask;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
        _output.WriteLine($"Cryptochecksum: {checksum[..8]} {checksum[8..16]} {checksum[16..24]} {checksum[24..]}");
        _output.WriteLine();
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes.Length} bytes copied in 0.10 secs"));
        _output.WriteLine("[OK]");
        return Task.CompletedTask;
    }

    private async Task ReloadCommandAsync(CancellationToken cancellationToken)
    {
        if (HasUnsavedChanges())
        {
            // Script mode asks too and reads the reply from the script's next line.
            _output.Write("System config has been modified. Save? [Y]es/[N]o:");
            var save = (await _input.ReadLineAsync(cancellationToken))?.Trim();
            if (!_interactive)
            {
                _output.WriteLine();
            }

            if (save is null || (save.Length > 0 && !IsAnswer(save, "yes") && !IsAnswer(save, "no")))
            {
                _output.WriteLine("Reload aborted.");
                return;
            }

            if (!IsAnswer(save, "no"))
            {
                await WriteMemory();
            }
        }

        if (_interactive)
        {
            _output.Write("Proceed with reload? [confirm]");
            var answer = (await _input.ReadLineAsync(cancellationToken))?.Trim();
            if (answer is null || (answer.Length > 0 && !"yes".StartsWith(answer, StringComparison.OrdinalIgnoreCase)))
            {
                _output.WriteLine("Reload aborted.");
                return;
            }
        }

        await ReloadAsync(cancellationToken);
    }

    /// <summary>Whether the configuration changed since boot and differs from the saved startup-config.</summary>
    private bool HasUnsavedChanges() =>
        _configModifiedAt is not null
        && !string.Equals(
            ConfigRenderer.RenderFull(Config, _device.Platform, _device.SerialNumber),
            _device.Store.ReadStartupConfig(),
            StringComparison.Ordinal);

    /// <summary>Whether a reply is the first letters of <paramref name="word"/>. An empty reply counts as the default, yes.</summary>
    private static bool IsAnswer(string answer, string word) =>
        answer.Length == 0 ? word == "yes" : word.StartsWith(answer, StringComparison.OrdinalIgnoreCase);

    private Task RegisterAsync(string token, bool force, CancellationToken cancellationToken)
    {
        if (Config.LicenseReservation)
        {
            _output.WriteLine("ERROR: Permanent license reservation is enabled, so the device does not register with a license server. Disable it with 'no license smart reservation' first.");
            return Task.CompletedTask;
        }

        var registration = Agent.State.Registration;
        if (registration == RegistrationStatus.Registered && !force)
        {
            _output.WriteLine("ERROR: " + FailureReasons.AlreadyRegistered.Message);
            return Task.CompletedTask;
        }

        if (registration == RegistrationStatus.Registering)
        {
            _output.WriteLine("ERROR: A registration is already in progress. Check 'show license status' for its result.");
            return Task.CompletedTask;
        }

        return StartExchangeAsync((agent, ct) => agent.RegisterAsync(token, force, ct), cancellationToken);
    }

    private Task RenewAsync(bool idCertificate, CancellationToken cancellationToken)
    {
        if (Agent.State.Registration != RegistrationStatus.Registered)
        {
            _output.WriteLine(NotRegisteredError);
            return Task.CompletedTask;
        }

        return idCertificate
            ? StartExchangeAsync((agent, ct) => agent.RenewIdCertificateAsync(ct), cancellationToken)
            : StartExchangeAsync((agent, ct) => agent.RenewAuthorizationAsync(ct), cancellationToken);
    }

    /// <summary>Deregisters, then reloads as an ASAv does; the agent drops its registration even when the server is unreachable.</summary>
    private async Task DeregisterAsync(CancellationToken cancellationToken)
    {
        if (Agent.State.Registration is RegistrationStatus.Unregistered)
        {
            _output.WriteLine(NotRegisteredError);
            return;
        }

        await WaitForBackgroundAsync();
        await RunExchangeAsync((agent, ct) => agent.DeregisterAsync(ct), cancellationToken);
        await ReloadAsync(cancellationToken);
    }
}
