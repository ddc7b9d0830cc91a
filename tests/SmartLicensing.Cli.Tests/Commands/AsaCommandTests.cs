using SmartLicensing.Cli.Tests.Support;

namespace SmartLicensing.Cli.Tests.Commands;

/// <summary><c>smartlic asa</c> options for the ASAv and for the ASA application on a Firepower chassis.</summary>
public sealed class AsaCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("smartlic-cli-asa-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Asa_FirepowerPlatformAndModule_BootsThatModel()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("asa", "--data", _data, "--platform", "fpr9300", "--model", "SM-44", "--modules", "3");

        Assert.Equal(0, exitCode);
        Assert.Contains("Booting the ASA application on Firepower 9300 SM-44 (3 modules)", cli.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asa_FirepowerModelWithoutPlatform_IsRejected()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("asa", "--data", _data, "--model", "SM-44");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--model 'SM-44' is not an ASAv model", cli.Error.ToString() + cli.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asa_AsavModel_BootsAsBefore()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("asa", "--data", _data, "--model", "ASAv30");

        Assert.Equal(0, exitCode);
        Assert.Contains("Booting ASAv30: 4 vCPUs, 8192 MB RAM", cli.Output.ToString(), StringComparison.Ordinal);
    }
}
