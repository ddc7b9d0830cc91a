using System.Net;
using System.Text.Json;
using SmartLicensing.Cli.Tests.Support;

namespace SmartLicensing.Cli.Tests.Clock;

public sealed class ClockAndAlertCommandTests
{
    private static readonly string[] Connection = ["--server", "https://127.0.0.1:8443", "--api-key", "test-key"];

    private static string[] Args(params string[] command) => [.. command, .. Connection];

    [Fact]
    public async Task ClockAdvance_Duration_PostsItAndPrintsBothTimes()
    {
        const string body = """{"now":"2027-03-02T12:00:00+00:00","offsetSeconds":7862400,"offset":"91 days","previous":"2026-12-01T12:00:00+00:00"}""";
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, body));

        var exitCode = await cli.RunAsync(Args("clock", "advance", "91d"));

        Assert.Equal(CliApp.Success, exitCode);
        var request = Assert.Single(cli.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/v1/clock/advance", request.Uri.AbsolutePath);
        using var sent = JsonDocument.Parse(request.Body!);
        Assert.Equal("91d", sent.RootElement.GetProperty("duration").GetString());
        var output = cli.Output.ToString();
        Assert.Contains("Lab clock moved from 2026-12-01 12:00:00 UTC to 2027-03-02 12:00:00 UTC.", output, StringComparison.Ordinal);
        Assert.Contains("Server time: 2027-03-02 12:00:00 UTC (lab clock, 91 days ahead of the system clock)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClockSet_Time_PostsIt()
    {
        const string body = """{"now":"2027-06-01T00:00:00+00:00","offsetSeconds":1,"offset":"1 second","previous":"2026-12-01T12:00:00+00:00"}""";
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, body));

        var exitCode = await cli.RunAsync(Args("clock", "set", "2027-06-01"));

        Assert.Equal(CliApp.Success, exitCode);
        var request = Assert.Single(cli.Handler.Requests);
        Assert.Equal("/api/v1/clock/set", request.Uri.AbsolutePath);
        using var sent = JsonDocument.Parse(request.Body!);
        Assert.Equal("2027-06-01", sent.RootElement.GetProperty("time").GetString());
    }

    [Fact]
    public async Task ClockShow_ServerWithoutLabClock_PrintsErrorWithCode()
    {
        var cli = new CliHarness(_ => StubHttpHandler.Problem(HttpStatusCode.Conflict, "lab-clock-disabled", "Start it with 'smartlic authority --lab-clock' to use a lab clock."));

        var exitCode = await cli.RunAsync(Args("clock", "show"));

        Assert.Equal(CliApp.Failure, exitCode);
        Assert.Equal("error: Start it with 'smartlic authority --lab-clock' to use a lab clock. (lab-clock-disabled)" + Environment.NewLine, cli.Error.ToString());
    }

    [Fact]
    public async Task ClockAdvance_NoDuration_IsUsageError()
    {
        var cli = new CliHarness(_ => throw new InvalidOperationException("No request expected."));

        var exitCode = await cli.RunAsync(Args("clock", "advance"));

        Assert.Equal(CliApp.UsageError, exitCode);
        Assert.Empty(cli.Handler.Requests);
    }

    [Fact]
    public async Task AlertList_Table_PrintsSeverityKindAndDue()
    {
        const string body = """[{"id":1,"severity":"Major","kind":"Insufficient Licenses","message":"ASAv-STD-1G: 2 in use","source":"Virtual account 'DEFAULT'","virtualAccount":"DEFAULT","raisedAt":"2026-12-01T12:00:00+00:00","actionDue":"2026-12-01T12:00:00+00:00","clearedAt":null}]""";
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, body));

        var exitCode = await cli.RunAsync(Args("alert", "list", "--virtual-account", "DEFAULT"));

        Assert.Equal(CliApp.Success, exitCode);
        Assert.Equal("/api/v1/alerts?virtualAccount=DEFAULT", Assert.Single(cli.Handler.Requests).Uri.PathAndQuery);
        var output = cli.Output.ToString();
        Assert.Contains("Major", output, StringComparison.Ordinal);
        Assert.Contains("Insufficient Licenses", output, StringComparison.Ordinal);
        Assert.Contains("2026-12-01", output, StringComparison.Ordinal);
        Assert.Contains("active", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertList_None_SaysSo()
    {
        var cli = new CliHarness(_ => StubHttpHandler.Json(HttpStatusCode.OK, "[]"));

        var exitCode = await cli.RunAsync(Args("alert", "list", "--all"));

        Assert.Equal(CliApp.Success, exitCode);
        Assert.Equal("/api/v1/alerts?all=true", Assert.Single(cli.Handler.Requests).Uri.PathAndQuery);
        Assert.Equal("No alerts." + Environment.NewLine, cli.Output.ToString());
    }
}
