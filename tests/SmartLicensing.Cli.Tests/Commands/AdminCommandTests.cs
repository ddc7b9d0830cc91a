using System.Net;
using System.Text.Json;
using SmartLicensing.Cli.Connection;
using SmartLicensing.Cli.Tests.Support;

namespace SmartLicensing.Cli.Tests.Commands;

public sealed class AdminCommandTests
{
    private const string Server = "https://127.0.0.1:8443";
    private static readonly string[] Connection = ["--server", Server, "--api-key", "test-key"];

    private static string[] Args(params string[] command) => [.. command, .. Connection];

    [Fact]
    public async Task LicenseList_Json_PrintsServerBody()
    {
        const string body = """[{"virtualAccount":"Lab","tag":"t","shortTag":"ASAv-STD-1G","name":"ASAv10 Standard - 1G","purchased":5,"inUse":1,"balance":4,"expires":null}]""";
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, body));

        var exitCode = await cli.RunAsync(Args("license", "list", "--virtual-account", "Lab 1", "--json"));

        Assert.Equal(CliApp.Success, exitCode);
        var request = Assert.Single(cli.Handler.Requests);
        Assert.Equal("/api/v1/licenses?virtualAccount=Lab%201", request.Uri.PathAndQuery);
        Assert.Equal("Bearer test-key", request.Authorization);
        using var printed = JsonDocument.Parse(cli.Output.ToString());
        Assert.Equal(1, printed.RootElement[0].GetProperty("inUse").GetInt32());
        Assert.Equal("", cli.Error.ToString());
    }

    [Fact]
    public async Task LicenseList_Table_PrintsRows()
    {
        const string body = """[{"virtualAccount":"Lab","tag":"t","shortTag":"ASAv-STD-1G","name":"ASAv10 Standard - 1G","purchased":5,"inUse":1,"balance":4,"expires":"2029-12-31T23:59:59+00:00"}]""";
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, body));

        var exitCode = await cli.RunAsync(Args("license", "list"));

        Assert.Equal(CliApp.Success, exitCode);
        Assert.Equal(["Lab", "ASAv10 Standard - 1G", "ASAv-STD-1G", "5", "1", "4", "2029-12-31"], Render.RowCells(cli.Output.ToString(), "ASAv-STD-1G"));
    }

    [Fact]
    public async Task TokenCreate_Default_PrintsOnlyTokenText()
    {
        const string body = """{"id":"0b5f7c1e-9a43-4d7e-8c51-3f2a6d9e1b20","token":"TOKENTEXT==","virtualAccount":"Lab","description":null,"createdAt":"2026-12-01T12:00:00+00:00","expiresAt":"2026-12-31T12:00:00+00:00","maxUses":1,"uses":0,"exportControlled":true,"status":"ACTIVE","createdBy":"admin"}""";
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.Created, body));

        var exitCode = await cli.RunAsync(Args("token", "create", "--virtual-account", "Lab", "--max-uses", "1", "--expires-after", "7"));

        Assert.Equal(CliApp.Success, exitCode);
        Assert.Equal("TOKENTEXT==" + Environment.NewLine, cli.Output.ToString());
        var request = Assert.Single(cli.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/v1/virtual-accounts/Lab/tokens", request.Uri.AbsolutePath);
        using var sent = JsonDocument.Parse(request.Body!);
        Assert.Equal(7, sent.RootElement.GetProperty("expiresAfterDays").GetInt32());
        Assert.Equal(1, sent.RootElement.GetProperty("maxUses").GetInt32());
        Assert.True(sent.RootElement.GetProperty("exportControlled").GetBoolean());
    }

    [Fact]
    public async Task TokenCreate_NoExportControlled_SendsFalse()
    {
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.Created, """{"id":"0b5f7c1e-9a43-4d7e-8c51-3f2a6d9e1b20","token":"T","expiresAt":"2026-12-31T12:00:00+00:00","uses":0,"exportControlled":false}"""));

        var exitCode = await cli.RunAsync(Args("token", "create", "--virtual-account", "Lab", "--no-export-controlled"));

        Assert.Equal(CliApp.Success, exitCode);
        using var sent = JsonDocument.Parse(Assert.Single(cli.Handler.Requests).Body!);
        Assert.False(sent.RootElement.GetProperty("exportControlled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sent.RootElement.GetProperty("maxUses").ValueKind);
    }

    [Theory]
    [InlineData("--expires-after", "0")]
    [InlineData("--expires-after", "366")]
    [InlineData("--max-uses", "0")]
    public async Task TokenCreate_OutOfRange_IsUsageError(string option, string value)
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync(Args("token", "create", "--virtual-account", "Lab", option, value));

        Assert.Equal(CliApp.UsageError, exitCode);
        Assert.Contains(option, cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(cli.Handler.Requests);
    }

    [Fact]
    public async Task TokenCreate_WithoutVirtualAccount_IsUsageError()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync(Args("token", "create"));

        Assert.Equal(CliApp.UsageError, exitCode);
        Assert.Contains("--virtual-account", cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsUsageError()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("licence", "list");

        Assert.Equal(CliApp.UsageError, exitCode);
        Assert.StartsWith("error:", cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_IsNotAnError()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("token", "create", "--help");

        Assert.Equal(CliApp.Success, exitCode);
        Assert.Contains("--expires-after", cli.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemResponse_PrintsDetailAndCode_ExitsOne()
    {
        var cli = new CliHarness(_ => StubHttpHandler.Problem(HttpStatusCode.NotFound, "virtual-account-not-found", "Virtual account 'Nope' was not found."));

        var exitCode = await cli.RunAsync(Args("virtual-account", "delete", "Nope"));

        Assert.Equal(CliApp.Failure, exitCode);
        Assert.Equal("error: Virtual account 'Nope' was not found. (virtual-account-not-found)" + Environment.NewLine, cli.Error.ToString());
        Assert.Equal("", cli.Output.ToString());
    }

    [Fact]
    public async Task MissingConnection_NamesTheThreeWays_ExitsTwo()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("virtual-account", "list");

        Assert.Equal(CliApp.UsageError, exitCode);
        var error = cli.Error.ToString();
        Assert.Contains("--server", error, StringComparison.Ordinal);
        Assert.Contains("--data", error, StringComparison.Ordinal);
        Assert.Contains(EnvironmentVariables.Server, error, StringComparison.Ordinal);
        Assert.Empty(cli.Handler.Requests);
    }

    [Fact]
    public async Task DataDirectory_WinsOverEnvironment()
    {
        using var data = new TempDirectory();
        data.Write(AdminEnvFile.FileName, "SMARTLIC_SERVER=https://127.0.0.1:2000\nSMARTLIC_API_KEY=data-key\n");
        var cli = new CliHarness()
            .WithEnvironment(EnvironmentVariables.Server, "https://127.0.0.1:3000")
            .WithEnvironment(EnvironmentVariables.ApiKey, "env-key");

        var exitCode = await cli.RunAsync("virtual-account", "list", "--data", data.Path, "--json");

        Assert.Equal(CliApp.Success, exitCode);
        var request = Assert.Single(cli.Handler.Requests);
        Assert.Equal(2000, request.Uri.Port);
        Assert.Equal("Bearer data-key", request.Authorization);
    }

    [Fact]
    public async Task ExplicitApiKey_WinsOverData()
    {
        using var data = new TempDirectory();
        data.Write(AdminEnvFile.FileName, "SMARTLIC_SERVER=https://127.0.0.1:2000\nSMARTLIC_API_KEY=data-key\n");
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("virtual-account", "list", "--data", data.Path, "--api-key", "option-key", "--json");

        Assert.Equal(CliApp.Success, exitCode);
        var request = Assert.Single(cli.Handler.Requests);
        Assert.Equal(2000, request.Uri.Port);
        Assert.Equal("Bearer option-key", request.Authorization);
    }

    [Fact]
    public async Task DeviceShow_Udi_IsEscapedInPath()
    {
        const string body = """{"id":"4c3b2a19-0817-4625-9443-a2b1c0d9e8f7","udi":"PID:ASAv,SN:9A5KJ3PLQ2X","productName":"ASAv","virtualAccount":"Lab","registeredAt":"2026-12-01T10:00:00+00:00","lastContactAt":"2026-12-01T11:00:00+00:00","exportControlledAllowed":true,"entitlements":[{"tag":"t","shortTag":"ASAv-STD-1G","name":"ASAv10 Standard - 1G","count":1,"status":"AUTHORIZED"}]}""";
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, body));

        var exitCode = await cli.RunAsync(Args("device", "show", "PID:ASAv,SN:9A5KJ3PLQ2X"));

        Assert.Equal(CliApp.Success, exitCode);
        Assert.Equal("/api/v1/product-instances/PID%3AASAv%2CSN%3A9A5KJ3PLQ2X", Assert.Single(cli.Handler.Requests).Uri.AbsolutePath);
        var output = cli.Output.ToString();
        Assert.Contains("PID:ASAv,SN:9A5KJ3PLQ2X", output, StringComparison.Ordinal);
        Assert.Equal(["ASAv10 Standard - 1G", "ASAv-STD-1G", "1", "AUTHORIZED"], Render.RowCells(output, "AUTHORIZED"));
    }

    [Fact]
    public async Task LicenseImport_WithoutVirtualAccount_UsesAccountDefault()
    {
        using var data = new TempDirectory();
        var order = data.Write("order.csv", "pid,quantity,expires\nL-ASAV10S-K9=,5,2029-12-31\n");
        var cli = new CliHarness(request => request.Uri.AbsolutePath switch
        {
            "/api/v1/account" => StubHttpHandler.Json(HttpStatusCode.OK, """{"name":"Acme","exportControlledQualified":true,"reservationEnabled":false,"defaultVirtualAccount":"DEFAULT"}"""),
            "/api/v1/virtual-accounts/DEFAULT/licenses" => StubHttpHandler.Json(HttpStatusCode.Created, """{"importId":"4c3b2a19-0817-4625-9443-a2b1c0d9e8f7","lines":[]}"""),
            _ => StubHttpHandler.Json(HttpStatusCode.OK, "[]"),
        });

        var exitCode = await cli.RunAsync(Args("license", "import", order, "--json"));

        Assert.Equal(CliApp.Success, exitCode);
        Assert.Equal(2, cli.Handler.Requests.Count);
        var import = cli.Handler.Requests[1];
        Assert.Equal("text/csv", import.ContentType);
        Assert.Contains("L-ASAV10S-K9=,5,2029-12-31", import.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LicenseImport_MissingFile_FailsWithoutRequest()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync(Args("license", "import", "/nonexistent/order.csv", "--virtual-account", "Lab"));

        Assert.Equal(CliApp.Failure, exitCode);
        Assert.Contains("order.csv", cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(cli.Handler.Requests);
    }

    [Fact]
    public async Task EventList_Csv_PrintsBodyAsIs()
    {
        const string csv = "time,virtualAccount,actor,category,message\n2026-12-01T12:00:00Z,Lab,admin,account,Created\n";
        var cli = new CliHarness(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv") });

        var exitCode = await cli.RunAsync(Args("event", "list", "--csv", "--limit", "5"));

        Assert.Equal(CliApp.Success, exitCode);
        Assert.Equal("/api/v1/events?limit=5&format=csv", Assert.Single(cli.Handler.Requests).Uri.PathAndQuery);
        Assert.Equal(csv.TrimEnd('\n') + Environment.NewLine, cli.Output.ToString());
    }

    [Fact]
    public async Task UnreadableBody_FailsWithMessage()
    {
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, """{"not":"a list"}"""));

        var exitCode = await cli.RunAsync(Args("token", "list"));

        Assert.Equal(CliApp.Failure, exitCode);
        Assert.Contains("could not be read", cli.Error.ToString(), StringComparison.Ordinal);
    }
}
