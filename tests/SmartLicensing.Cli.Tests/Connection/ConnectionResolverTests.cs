using SmartLicensing.Cli.Connection;
using SmartLicensing.Cli.Tests.Support;

namespace SmartLicensing.Cli.Tests.Connection;

public sealed class ConnectionResolverTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private readonly Dictionary<string, string> _environment = new()
    {
        [EnvironmentVariables.Server] = "https://127.0.0.1:3000",
        [EnvironmentVariables.ApiKey] = "env-key",
    };

    public void Dispose() => _data.Dispose();

    private ConnectionResolution Resolve(ConnectionInputs inputs) =>
        ConnectionResolver.Resolve(inputs, name => _environment.GetValueOrDefault(name));

    private void WriteAdminEnv(string server = "https://127.0.0.1:2000", string key = "data-key") =>
        _data.Write(AdminEnvFile.FileName, $"{EnvironmentVariables.Server}={server}\n{EnvironmentVariables.ApiKey}={key}\n");

    [Fact]
    public void Resolve_OnlyEnvironment_UsesEnvironment()
    {
        var resolution = Resolve(new ConnectionInputs(null, null, null, null));

        Assert.NotNull(resolution.Settings);
        Assert.Equal(new Uri("https://127.0.0.1:3000"), resolution.Settings.Server);
        Assert.Equal("env-key", resolution.Settings.ApiKey);
        Assert.Null(resolution.Settings.CaFile);
    }

    [Fact]
    public void Resolve_DataDirectory_WinsOverEnvironment()
    {
        WriteAdminEnv();

        var resolution = Resolve(new ConnectionInputs(null, null, _data.Path, null));

        Assert.NotNull(resolution.Settings);
        Assert.Equal(new Uri("https://127.0.0.1:2000"), resolution.Settings.Server);
        Assert.Equal("data-key", resolution.Settings.ApiKey);
    }

    [Fact]
    public void Resolve_ExplicitOptions_WinOverDataDirectory()
    {
        WriteAdminEnv();

        var resolution = Resolve(new ConnectionInputs("https://127.0.0.1:1000", "option-key", _data.Path, null));

        Assert.NotNull(resolution.Settings);
        Assert.Equal(new Uri("https://127.0.0.1:1000"), resolution.Settings.Server);
        Assert.Equal("option-key", resolution.Settings.ApiKey);
    }

    [Fact]
    public void Resolve_ExplicitServerOnly_TakesKeyFromDataDirectory()
    {
        WriteAdminEnv();

        var resolution = Resolve(new ConnectionInputs("https://127.0.0.1:1000", null, _data.Path, null));

        Assert.NotNull(resolution.Settings);
        Assert.Equal(new Uri("https://127.0.0.1:1000"), resolution.Settings.Server);
        Assert.Equal("data-key", resolution.Settings.ApiKey);
    }

    [Fact]
    public void Resolve_DataDirectoryWithCaPem_TrustsIt()
    {
        WriteAdminEnv();
        var caPath = _data.Write(ConnectionResolver.CaFileName, "placeholder");
        var envCa = _data.Write("env-ca.pem", "placeholder");
        _environment[EnvironmentVariables.CaFile] = envCa;

        var resolution = Resolve(new ConnectionInputs(null, null, _data.Path, null));

        Assert.Equal(caPath, resolution.Settings?.CaFile);
    }

    [Fact]
    public void Resolve_ExplicitCa_WinsOverDataDirectoryCa()
    {
        WriteAdminEnv();
        _data.Write(ConnectionResolver.CaFileName, "placeholder");
        var explicitCa = _data.Write("other-ca.pem", "placeholder");

        var resolution = Resolve(new ConnectionInputs(null, null, _data.Path, explicitCa));

        Assert.Equal(explicitCa, resolution.Settings?.CaFile);
    }

    [Fact]
    public void Resolve_CaFromEnvironment_UsedWithoutDataDirectory()
    {
        var envCa = _data.Write("env-ca.pem", "placeholder");
        _environment[EnvironmentVariables.CaFile] = envCa;

        var resolution = Resolve(new ConnectionInputs(null, null, null, null));

        Assert.Equal(envCa, resolution.Settings?.CaFile);
    }

    [Fact]
    public void Resolve_CaFileMissing_Fails()
    {
        var resolution = Resolve(new ConnectionInputs(null, null, null, Path.Combine(_data.Path, "missing.pem")));

        Assert.Null(resolution.Settings);
        Assert.Equal(CliApp.Failure, resolution.ExitCode);
        Assert.Contains("missing.pem", resolution.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NothingGiven_NamesTheThreeWays()
    {
        _environment.Clear();

        var resolution = Resolve(new ConnectionInputs(null, null, null, null));

        Assert.Null(resolution.Settings);
        Assert.Equal(CliApp.UsageError, resolution.ExitCode);
        Assert.Contains("--server", resolution.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("--api-key", resolution.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("--data", resolution.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(EnvironmentVariables.Server, resolution.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(EnvironmentVariables.ApiKey, resolution.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_KeyMissing_SaysWhichValueIsMissing()
    {
        _environment.Remove(EnvironmentVariables.ApiKey);

        var resolution = Resolve(new ConnectionInputs(null, null, null, null));

        Assert.Equal(CliApp.UsageError, resolution.ExitCode);
        Assert.StartsWith("error: no API key given.", resolution.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_DataDirectoryWithoutAdminEnv_NamesTheFile()
    {
        var resolution = Resolve(new ConnectionInputs(null, null, _data.Path, null));

        Assert.Null(resolution.Settings);
        Assert.Equal(CliApp.Failure, resolution.ExitCode);
        Assert.Contains(Path.Combine(_data.Path, AdminEnvFile.FileName), resolution.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("smartlic authority", resolution.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("127.0.0.1:8443")]
    public void Resolve_InvalidServerUrl_IsUsageError(string server)
    {
        var resolution = Resolve(new ConnectionInputs(server, "key", null, null));

        Assert.Null(resolution.Settings);
        Assert.Equal(CliApp.UsageError, resolution.ExitCode);
        Assert.Contains(server, resolution.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_BlankOption_FallsBackToNextSource()
    {
        var resolution = Resolve(new ConnectionInputs("  ", "", null, null));

        Assert.Equal(new Uri("https://127.0.0.1:3000"), resolution.Settings?.Server);
        Assert.Equal("env-key", resolution.Settings?.ApiKey);
    }
}
