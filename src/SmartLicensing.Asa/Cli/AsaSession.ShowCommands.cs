using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Asa.Show;

namespace SmartLicensing.Asa.Cli;

internal enum ShowLicenseKind
{
    All,
    Status,
    Summary,
    Features,
    Udi,
}

/// <summary>The show commands; each builds its view from the current state and prints a renderer's text.</summary>
internal sealed partial class AsaSession
{
    private Task ShowLicense(ShowLicenseKind kind)
    {
        if (kind == ShowLicenseKind.All && _device.Platform.IsFirepower)
        {
            return ShowFirepowerLicenseAll();
        }

        var view = LicenseView.Create(Agent.State, _device.Udi.ToString(), AsaVersion.Agent, _device.Catalog, Config.LicenseReservation);
        _output.Write(kind switch
        {
            ShowLicenseKind.All => LicenseAllRenderer.Render(view),
            ShowLicenseKind.Status => LicenseStatusRenderer.Render(view),
            ShowLicenseKind.Summary => LicenseSummaryRenderer.Render(view),
            ShowLicenseKind.Features => LicenseFeaturesRenderer.Render(EvaluatePlatformLicense(), Config.LicenseSmart),
            _ => LicenseUdiRenderer.Render(view.Udi),
        });
        return Task.CompletedTask;
    }

    private Task ShowVersion()
    {
        _output.Write(VersionRenderer.Render(new VersionView(
            Config.Hostname,
            _device.Platform,
            _device.SerialNumber,
            _bootTime,
            Now,
            _configModifiedAt,
            EvaluatePlatformLicense(),
            Config.LicenseSmart)));
        return Task.CompletedTask;
    }

    private Task ShowVm()
    {
        if (_device.Platform.IsFirepower)
        {
            _output.WriteLine("ERROR: 'show vm' is only available on the ASAv; this ASA runs on a Firepower chassis.");
            return Task.CompletedTask;
        }

        _output.Write(VmRenderer.Render(_device.Platform, EvaluatePlatformLicense()));
        return Task.CompletedTask;
    }

    private Task ShowClock()
    {
        _output.WriteLine(ShowText.ClockDate(Now));
        return Task.CompletedTask;
    }

    private Task ShowLogging()
    {
        var lines = _syslog.Snapshot();
        _output.WriteLine("Syslog logging: enabled");
        _output.WriteLine(FormattableString.Invariant($"    Buffer logging: level informational, {lines.Count} messages logged"));
        _output.WriteLine();
        foreach (var line in lines)
        {
            _output.WriteLine(line);
        }

        return Task.CompletedTask;
    }

    private Task ShowRunningConfig(string? section)
    {
        _output.Write(section switch
        {
            "license" => ConfigRenderer.RenderLicense(Config),
            "call-home" => ConfigRenderer.RenderCallHome(Config),
            _ => ConfigRenderer.RenderFull(Config, _device.Platform, _device.SerialNumber),
        });
        return Task.CompletedTask;
    }

    private Task ShowStartupConfig()
    {
        var saved = _device.Store.ReadStartupConfig();
        if (saved is null)
        {
            _output.WriteLine("ERROR: There is no startup-config. Save the running configuration with 'write memory'.");
            return Task.CompletedTask;
        }

        _output.Write(saved);
        return Task.CompletedTask;
    }

    private PlatformLicense EvaluatePlatformLicense()
    {
        ObserveEncryption();
        return PlatformLicense.Evaluate(Config, _device.Platform, Agent.State, _device.Catalog, _strongEncryption);
    }
}
