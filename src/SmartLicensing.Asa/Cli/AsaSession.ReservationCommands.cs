using SmartLicensing.Agent;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Asa.Platform;

namespace SmartLicensing.Asa.Cli;

/// <summary>
/// Permanent license reservation: <c>license smart reservation</c> in configuration mode and the
/// <c>license smart reservation request|cancel|install|return</c> EXEC commands, plus
/// <c>write erase</c>, after which <c>license smart reservation</c> alone restores an installed
/// reservation because the agent keeps it apart from the configuration.
/// </summary>
internal sealed partial class AsaSession
{
    private const string ReservationCodeLead = "Enter this request code in the Cisco Smart Software Manager portal:";
    private const string ReturnCodeLead = "Enter this return code in the Cisco Smart Software Manager portal:";

    private static void AddReservationConfigCommands(CommandGrammar config)
    {
        config
            .Add("license smart reservation", static (s, _, _) => s.EnableReservation())
            .Add("no license smart reservation", static (s, _, _) => s.DisableReservation());
    }

    private static void AddReservationExecCommands(CommandGrammar grammar)
    {
        // Request and install are not kept-mode commands, so that a startup or day-0
        // configuration reaches their handlers, which refuse them there with a reason.
        grammar
            .Add("license smart reservation request universal", static (s, _, _) => s.RequestReservation())
            .Add("license smart reservation install <code>", static (s, a, _) => s.InstallReservation(a.Argument("code")))
            .Add("license smart reservation cancel", static (s, _, _) => s.CancelReservation(), keepsMode: true)
            .Add("license smart reservation return", static (s, _, _) => s.ReturnReservation(), keepsMode: true)
            .Add("write erase", static (s, _, ct) => s.WriteEraseAsync(ct), keepsMode: true);
    }

    /// <summary>Why this device cannot use permanent license reservation, or null when it can.</summary>
    private string? ReservationUnsupportedReason()
    {
        var platform = _device.Platform;
        if (platform.IsFirepower)
        {
            return "On a Firepower chassis, permanent license reservation is configured on the chassis, not on the ASA.";
        }

        if (platform.Hypervisor == Hypervisors.Azure)
        {
            return "Permanent license reservation is not supported on the Azure hypervisor.";
        }

        return ReservationLicense.UniversalEntitlement(platform) is null
            ? $"Permanent license reservation is not supported on the {platform.Model.Model}."
            : null;
    }

    private Task EnableReservation()
    {
        if (ReservationUnsupportedReason() is { } reason)
        {
            _output.WriteLine("ERROR: " + reason);
            return Task.CompletedTask;
        }

        // Reservation mode has no feature tier or throughput level; the call-home settings stay.
        ChangeConfig(Config with { LicenseReservation = true, LicenseSmart = null });
        return Task.CompletedTask;
    }

    private Task DisableReservation()
    {
        if (Agent.State.Reservation is { Stage: ReservationStage.Requested })
        {
            Agent.CancelReservationRequest();
        }

        ChangeConfig(Config with { LicenseReservation = false });
        return Task.CompletedTask;
    }

    private Task RequestReservation()
    {
        if (RefuseReservationCommand("requested") || ReservationUniversalTag() is not { } tag)
        {
            return Task.CompletedTask;
        }

        var result = Agent.RequestReservation(tag);
        if (!result.Succeeded)
        {
            _output.WriteLine("ERROR: " + result.FailureMessage);
            return Task.CompletedTask;
        }

        _output.WriteLine(ReservationCodeLead);
        _output.WriteLine(result.Code ?? "");
        return Task.CompletedTask;
    }

    private Task CancelReservation()
    {
        var result = Agent.CancelReservationRequest();
        if (!result.Succeeded)
        {
            _output.WriteLine("ERROR: " + result.FailureMessage);
        }

        return Task.CompletedTask;
    }

    private Task InstallReservation(string code)
    {
        if (RefuseReservationCommand("installed"))
        {
            return Task.CompletedTask;
        }

        var result = Agent.InstallReservation(code);
        if (!result.Succeeded)
        {
            _output.WriteLine("Reservation install failed: " + result.FailureMessage);
            return Task.CompletedTask;
        }

        _output.WriteLine("Reservation install successful");
        _output.WriteLine("Last Confirmation code " + result.Code);
        return Task.CompletedTask;
    }

    private Task ReturnReservation()
    {
        var result = Agent.ReturnReservation();
        if (!result.Succeeded)
        {
            _output.WriteLine("ERROR: " + result.FailureMessage);
            return Task.CompletedTask;
        }

        _output.WriteLine(ReturnCodeLead);
        _output.WriteLine(result.Code ?? "");
        return Task.CompletedTask;
    }

    /// <summary>Erases the startup-config. The running configuration and the agent's state, an installed reservation included, stay.</summary>
    private async Task WriteEraseAsync(CancellationToken cancellationToken)
    {
        if (_interactive)
        {
            _output.Write("Erase configuration in flash memory? [confirm]");
            var answer = (await _input.ReadLineAsync(cancellationToken))?.Trim();
            if (answer is null || (answer.Length > 0 && !"yes".StartsWith(answer, StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }
        }

        try
        {
            File.Delete(_device.Store.StartupConfigPath);
            _output.WriteLine("[OK]");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _output.WriteLine($"ERROR: Unable to erase '{_device.Store.StartupConfigPath}': {ex.Message}");
            _output.WriteLine("[FAILED]");
        }
    }

    /// <summary>
    /// At boot: a returned reservation made for another model can no longer be shown, because
    /// the model changed (the virtual machine's resources changed) and a new request is needed.
    /// </summary>
    private void CheckReservationModel()
    {
        if (Agent.State.Reservation is { Stage: ReservationStage.Returned } returned
            && ReservationLicense.UniversalEntitlement(_device.Platform)?.Tag != returned.EntitlementTag)
        {
            Agent.ForgetReturnedReservation();
        }
    }

    /// <summary>Refuses a request or install that cannot run now; true when it printed why.</summary>
    private bool RefuseReservationCommand(string verb)
    {
        if (_replaying)
        {
            _output.WriteLine($"ERROR: A permanent license cannot be {verb} in the day-0 or startup configuration. Enter the command after the ASAv has started.");
            return true;
        }

        if (ReservationUnsupportedReason() is { } reason)
        {
            _output.WriteLine("ERROR: " + reason);
            return true;
        }

        if (!Config.LicenseReservation)
        {
            _output.WriteLine("ERROR: Permanent license reservation is not enabled. Enable it with 'license smart reservation' in configuration mode.");
            return true;
        }

        return false;
    }

    private string? ReservationUniversalTag() => ReservationLicense.UniversalEntitlement(_device.Platform)?.Tag;
}
