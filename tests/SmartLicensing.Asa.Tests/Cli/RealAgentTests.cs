using Microsoft.Extensions.Time.Testing;

namespace SmartLicensing.Asa.Tests.Cli;

/// <summary>The public entry point with the real Smart Agent, against a loopback port where nothing listens.</summary>
public sealed class RealAgentTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("asa-real-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task Register_ServerUnreachable_ReportsFailure()
    {
        // Port 1 on loopback has no listener, so the connection is refused at once.
        var script = """
            enable
            conf t
            call-home
            profile License
            destination address http https://127.0.0.1:1/its/service/oddce/services/DDCEService
            end
            license smart register idtoken NOT-A-REAL-TOKEN
            show license status
            """;
        using var input = new StringReader(script);
        using var output = new StringWriter();

        var exitCode = await AsaConsole.RunAsync(
            new AsaOptions { DataDirectory = _dataDirectory },
            input,
            output,
            interactive: false,
            new FakeTimeProvider(new DateTimeOffset(2023, 2, 10, 11, 0, 0, TimeSpan.Zero)),
            TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("%ASA-3-444303: %SMART_LIC-3-AGENT_REG_FAILED: ", text, StringComparison.Ordinal);
        Assert.Contains("  Status: UNREGISTERED - REGISTRATION FAILED\n", text, StringComparison.Ordinal);
        Assert.Contains("  Initial Registration: FAILED on Feb 10 2023 11:00:00 UTC\n", text, StringComparison.Ordinal);
        Assert.Contains("    Failure reason: ", text, StringComparison.Ordinal);
    }
}
