using SmartLicensing.Asa.Tests.Fakes;

namespace SmartLicensing.Asa.Tests.Cli;

/// <summary>Reload with unsaved configuration changes prompts to save first, as an ASA does.</summary>
public sealed class ReloadPromptTests : IDisposable
{
    private const string SavePrompt = "System config has been modified. Save? [Y]es/[N]o:";

    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Fact]
    public async Task Reload_UnsavedChangeAnswerYes_SavesThenReboots()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nhostname fw9\nend\nreload\nY\nenable\nshow running-config\n");

        Assert.Contains(SavePrompt, output, StringComparison.Ordinal);
        Assert.Contains("Building configuration...", output, StringComparison.Ordinal);
        Assert.Equal(2, _device.Agents.Count);
        var afterReload = output[output.LastIndexOf("Rebooting", StringComparison.Ordinal)..];
        Assert.Contains("hostname fw9\n", afterReload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_UnsavedChangeAnswerNo_RebootsWithoutSaving()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nhostname fw9\nend\nreload\nN\nenable\nshow running-config\n");

        Assert.Contains(SavePrompt, output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_device.DataDirectory, "startup-config")));
        Assert.Equal(2, _device.Agents.Count);
        var afterReload = output[output.LastIndexOf("Rebooting", StringComparison.Ordinal)..];
        Assert.Contains("hostname ciscoasa\n", afterReload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_Interactive_AsksSaveThenConfirm()
    {
        var (_, output) = await _device.RunAsync("enable\n\nconf t\nhostname fw9\nend\nreload\nn\n\n", interactive: true);

        var save = output.IndexOf(SavePrompt, StringComparison.Ordinal);
        var confirm = output.IndexOf("Proceed with reload? [confirm]", StringComparison.Ordinal);
        Assert.True(save >= 0, output);
        Assert.True(confirm > save, output);
        Assert.Equal(2, _device.Agents.Count);
    }

    [Fact]
    public async Task Reload_NothingChanged_DoesNotAskToSave()
    {
        var (_, output) = await _device.RunAsync("enable\nreload\nenable\n");

        Assert.DoesNotContain(SavePrompt, output, StringComparison.Ordinal);
        Assert.Equal(2, _device.Agents.Count);
    }

    [Fact]
    public async Task Reload_ChangedThenSaved_DoesNotAskToSave()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nhostname fw9\nend\nwrite memory\nreload\nenable\n");

        Assert.DoesNotContain(SavePrompt, output, StringComparison.Ordinal);
        Assert.Equal(2, _device.Agents.Count);
    }
}
