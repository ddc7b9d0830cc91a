using System.Net;
using System.Net.Sockets;
using SmartLicensing.Cli.Api;

namespace SmartLicensing.Cli.Tests.Commands;

/// <summary>Runs the real HTTP handler with an http:// URL against a loopback port that hangs up, as a TLS port does.</summary>
public sealed class PlainHttpFailureTests
{
    private static readonly byte[] TlsAlert = [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46];

    [Fact]
    public async Task RealHandler_HttpUrlAndServerHangsUp_PrintsReasonAndSuggestsHttps()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var ct = TestContext.Current.CancellationToken;
        var server = Task.Run(
            async () =>
            {
                // Respond as a TLS endpoint does to plain HTTP: send a TLS alert record, then close.
                using var client = await listener.AcceptTcpClientAsync(ct);
                var stream = client.GetStream();
                var buffer = new byte[4096];
                _ = await stream.ReadAsync(buffer, ct);
                await stream.WriteAsync(TlsAlert, ct);
                client.Client.Shutdown(SocketShutdown.Both);
            },
            ct);
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

        var exitCode = await CliApp.RunAsync(["license", "list", "--server", $"http://127.0.0.1:{port}", "--api-key", "k"], context, ct);
        await server;

        Assert.Equal(CliApp.Failure, exitCode);
        var text = error.ToString();
        Assert.Contains("An error occurred while sending the request. ", text, StringComparison.Ordinal);
        Assert.Contains("The response ended prematurely.", text, StringComparison.Ordinal);
        Assert.Contains($"--server https://127.0.0.1:{port}/", text, StringComparison.Ordinal);
    }
}
