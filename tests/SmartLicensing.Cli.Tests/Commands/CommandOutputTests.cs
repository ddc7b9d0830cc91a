using System.Net;
using System.Text.Json;
using SmartLicensing.Cli.Tests.Support;

namespace SmartLicensing.Cli.Tests.Commands;

/// <summary>What the admin commands print on success and for server errors.</summary>
public sealed class CommandOutputTests
{
    private static readonly string[] Connection = ["--server", "https://127.0.0.1:8443", "--api-key", "k"];

    [Fact]
    public async Task VirtualAccountCreate_NameWithSpaces_EchoesStoredName()
    {
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.Created, """{"name":"Spaced","description":null,"isDefault":false,"productInstances":0,"licenses":0}"""));

        var exitCode = await cli.RunAsync(["virtual-account", "create", " Spaced ", .. Connection]);

        Assert.Equal(CliApp.Success, exitCode);
        Assert.Equal("Created virtual account 'Spaced'." + Environment.NewLine, cli.Output.ToString());
    }

    [Fact]
    public async Task DeviceRemove_JsonWithEmptyAnswer_PrintsRemovedUdi()
    {
        var cli = new CliHarness(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var exitCode = await cli.RunAsync(["device", "remove", "PID:ASAv,SN:9A1B2C3D4E5", "--json", .. Connection]);

        Assert.Equal(CliApp.Success, exitCode);
        using var printed = JsonDocument.Parse(cli.Output.ToString());
        Assert.Equal("PID:ASAv,SN:9A1B2C3D4E5", printed.RootElement.GetProperty("removed").GetString());
    }

    [Fact]
    public async Task VirtualAccountDelete_JsonWithEmptyAnswer_PrintsDeletedName()
    {
        var cli = new CliHarness(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var exitCode = await cli.RunAsync(["virtual-account", "delete", "Lab", "--json", .. Connection]);

        Assert.Equal(CliApp.Success, exitCode);
        using var printed = JsonDocument.Parse(cli.Output.ToString());
        Assert.Equal("Lab", printed.RootElement.GetProperty("deleted").GetString());
    }

    [Theory]
    [InlineData("virtual-account-not-found", "Virtual account 'Nope' was not found.", " List the virtual accounts with GET /api/v1/virtual-accounts and use one of their names.", "smartlic virtual-account list")]
    [InlineData("token-not-found", "Registration token 'x' was not found.", " List the tokens with GET /api/v1/tokens and use the id of one of them.", "smartlic token list")]
    [InlineData("product-instance-not-found", "Product instance 'x' was not found by id or UDI.", " List the product instances with GET /api/v1/product-instances and use an id or UDI from it.", "smartlic device list")]
    [InlineData("virtual-account-has-active-tokens", "Virtual account 'Lab' still has 1 active registration token(s): 0b5f7c1e-9a43-4d7e-8c51-3f2a6d9e1b20.", " Revoke them first with POST /api/v1/tokens/{id}/revoke, then delete the virtual account.", "smartlic token revoke ID")]
    public async Task ProblemWithRouteHint_NamesCliCommandInstead(string code, string fact, string routeHint, string command)
    {
        var cli = new CliHarness(_ => StubHttpHandler.Problem(HttpStatusCode.NotFound, code, fact + routeHint));

        var exitCode = await cli.RunAsync(["device", "show", "x", .. Connection]);

        Assert.Equal(CliApp.Failure, exitCode);
        var error = cli.Error.ToString();
        Assert.StartsWith($"error: {fact} ", error, StringComparison.Ordinal);
        Assert.Contains($"'{command}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", error, StringComparison.Ordinal);
    }
}
