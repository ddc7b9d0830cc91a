using System.Net;
using System.Text.Json;
using SmartLicensing.Cli.Tests.Support;

namespace SmartLicensing.Cli.Tests.Commands;

public sealed class ReservationCommandTests
{
    private const string Server = "https://127.0.0.1:8443";
    private const string Udi = "PID:ASAv,SN:9AHV3KJBEKE";
    private static readonly string[] Connection = ["--server", Server, "--api-key", "test-key"];

    private static string[] Args(params string[] command) => [.. command, .. Connection];

    [Fact]
    public async Task ReservationReserve_Default_PrintsOnlyTheAuthorizationCode()
    {
        const string body = """{"udi":"PID:ASAv,SN:9AHV3KJBEKE","virtualAccount":"Lab","pid":"L-ASAV10SR-K9=","shortTag":"ASAv-UNIVERSAL-V10","name":"ASAv10 Permanent Universal","authorizationCode":"AUTH-CODE-TEXT","confirmationCode":"0A1B2C3D","exportAllowed":true,"reservedAt":"2026-12-01T12:00:00+00:00","alreadyReserved":false}""";
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.Created, body));

        var exitCode = await cli.RunAsync(Args("reservation", "reserve", "CB-ZASAv:9AHV3KJBEKE-ABCDEF", "--virtual-account", "Lab"));

        Assert.Equal(CliApp.Success, exitCode);
        Assert.Equal("AUTH-CODE-TEXT" + Environment.NewLine, cli.Output.ToString());
        var request = Assert.Single(cli.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/v1/reservations", request.Uri.AbsolutePath);
        using var sent = JsonDocument.Parse(request.Body!);
        Assert.Equal("CB-ZASAv:9AHV3KJBEKE-ABCDEF", sent.RootElement.GetProperty("requestCode").GetString());
        Assert.Equal("Lab", sent.RootElement.GetProperty("virtualAccount").GetString());
    }

    [Fact]
    public async Task ReservationReserve_ShortageProblem_PrintsTheServerMessage()
    {
        const string detail = "The licenses cannot be reserved because the Virtual Account does not contain a sufficient surplus of the following perpetual licenses: 1 - ASAv10 Permanent Universal(perpetual).";
        var cli = new CliHarness(_ => StubHttpHandler.Problem(HttpStatusCode.Conflict, "reservation-insufficient-licenses", detail));

        var exitCode = await cli.RunAsync(Args("reservation", "reserve", "CB-ZASAv:9AHV3KJBEKE-ABCDEF"));

        Assert.Equal(CliApp.Failure, exitCode);
        Assert.Equal("", cli.Output.ToString());
        Assert.Contains(detail, cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountSet_ReservationEnabled_SendsThePatch()
    {
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, """{"name":"Lab","exportControlledQualified":true,"reservationEnabled":true,"defaultVirtualAccount":"DEFAULT"}"""));

        var exitCode = await cli.RunAsync(Args("account", "set", "--reservation-enabled"));

        Assert.Equal(CliApp.Success, exitCode);
        var request = Assert.Single(cli.Handler.Requests);
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal("/api/v1/account", request.Uri.AbsolutePath);
        using var sent = JsonDocument.Parse(request.Body!);
        Assert.True(sent.RootElement.GetProperty("reservationEnabled").GetBoolean());
    }

    [Fact]
    public async Task AccountSet_NoReservationEnabled_SendsFalse()
    {
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, """{"name":"Lab","exportControlledQualified":true,"reservationEnabled":false,"defaultVirtualAccount":"DEFAULT"}"""));

        var exitCode = await cli.RunAsync(Args("account", "set", "--no-reservation-enabled"));

        Assert.Equal(CliApp.Success, exitCode);
        using var sent = JsonDocument.Parse(Assert.Single(cli.Handler.Requests).Body!);
        Assert.False(sent.RootElement.GetProperty("reservationEnabled").GetBoolean());
    }

    [Fact]
    public async Task AccountSet_NothingToChange_IsAUsageError()
    {
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, "{}"));

        var exitCode = await cli.RunAsync(Args("account", "set"));

        Assert.Equal(CliApp.UsageError, exitCode);
        Assert.Empty(cli.Handler.Requests);
    }

    [Fact]
    public async Task DeviceRemove_ReturnCode_PostsTheReturn()
    {
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, """{"udi":"PID:ASAv,SN:9AHV3KJBEKE","virtualAccount":"Lab","shortTag":"ASAv-UNIVERSAL-V10","returnedAt":"2026-12-01T12:00:00+00:00"}"""));

        var exitCode = await cli.RunAsync(Args("device", "remove", Udi, "--return-code", "RETURN-CODE"));

        Assert.Equal(CliApp.Success, exitCode);
        var request = Assert.Single(cli.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/v1/product-instances/PID%3AASAv%2CSN%3A9AHV3KJBEKE/return", request.Uri.AbsolutePath);
        using var sent = JsonDocument.Parse(request.Body!);
        Assert.Equal("RETURN-CODE", sent.RootElement.GetProperty("returnCode").GetString());
    }

    [Fact]
    public async Task DeviceList_ReservedInstance_IsMarkedReserved()
    {
        const string body = """[{"id":"0b5f7c1e-9a43-4d7e-8c51-3f2a6d9e1b20","udi":"PID:ASAv,SN:9AHV3KJBEKE","productName":"ASAv","virtualAccount":"Lab","registeredAt":"2026-12-01T12:00:00+00:00","lastContactAt":"2026-12-01T12:00:00+00:00","exportControlledAllowed":true,"entitlements":[],"reserved":true}]""";
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, body));

        var exitCode = await cli.RunAsync(Args("device", "list"));

        Assert.Equal(CliApp.Success, exitCode);
        Assert.Contains("ASAv (reserved)", cli.Output.ToString(), StringComparison.Ordinal);
    }
}
