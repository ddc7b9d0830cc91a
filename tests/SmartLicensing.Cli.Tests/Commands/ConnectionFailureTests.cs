using System.Net;
using System.Net.Sockets;
using SmartLicensing.Cli.Api;

namespace SmartLicensing.Cli.Tests.Commands;

/// <summary>Runs the real HTTP handler against a closed loopback port.</summary>
public sealed class ConnectionFailureTests
{
    [Fact]
    public async Task RealHandler_ClosedPort_ReportsCannotConnect()
    {
        var port = ClosedLoopbackPort();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(
            TextReader.Null,
            output,
            error,
            Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(output) }),
            InputRedirected: true,
            _ => null,
            TimeProvider.System,
            ServerHttpHandler.Create);

        var exitCode = await CliApp.RunAsync(
            ["license", "list", "--server", $"https://127.0.0.1:{port}", "--api-key", "k"],
            context,
            TestContext.Current.CancellationToken);

        Assert.Equal(CliApp.Failure, exitCode);
        var text = error.ToString();
        Assert.StartsWith($"error: cannot connect to the license server at https://127.0.0.1:{port}/", text, StringComparison.Ordinal);
        Assert.Contains("smartlic authority", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
