using SmartLicensing.Server.Clock;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Clock;

public sealed class LabClockTests
{
    [Theory]
    [InlineData("GET", "/api/v1/clock", null)]
    [InlineData("POST", "/api/v1/clock/set", """{"time":"2030-01-01"}""")]
    [InlineData("POST", "/api/v1/clock/advance", """{"duration":"91d"}""")]
    public async Task ClockRoutes_ServerWithoutLabClock_RejectedNamingTheFlag(string method, string path, string? body)
    {
        await using var server = await LabClockServer.StartAsync(labClock: false);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.HasCodeAsync(response, 409, "lab-clock-disabled");
        Assert.Contains("--lab-clock", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_91Days_ServerTimeMovesAndSurvivesRestart()
    {
        var directory = AuthorityServer.NewDataDirectory();
        var server = await LabClockServer.StartAsync(directory);
        var systemTime = server.SystemTime;
        try
        {
            var start = systemTime.GetUtcNow();
            var moved = await (await server.Client.PostJsonAsync("/api/v1/clock/advance", new { duration = "91d" })).JsonAsync(200);

            Assert.Equal(start.AddDays(91), moved.GetProperty("now").GetDateTimeOffset());
            Assert.Equal(start, moved.GetProperty("previous").GetDateTimeOffset());
            Assert.Equal(91 * 86400, moved.GetProperty("offsetSeconds").GetInt64());
            Assert.Equal("91 days", moved.GetProperty("offset").GetString());

            await server.StopAsync();
            server = await LabClockServer.StartAsync(directory, systemTime);
            var shown = await (await server.Client.GetAsync("/api/v1/clock", TestContext.Current.CancellationToken)).JsonAsync(200);
            Assert.Equal(start.AddDays(91), shown.GetProperty("now").GetDateTimeOffset());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Set_LaterTime_ServerTimeIsThatTimeAndEventLogged()
    {
        await using var server = await LabClockServer.StartAsync();
        var target = server.SystemTime.GetUtcNow().AddDays(200);
        var text = target.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

        var moved = await (await server.Client.PostJsonAsync("/api/v1/clock/set", new { time = text })).JsonAsync(200);

        Assert.Equal(target, moved.GetProperty("now").GetDateTimeOffset());
        var events = await (await server.Client.GetAsync("/api/v1/events", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("category").GetString() == ClockEndpoints.EventCategory);
    }

    [Fact]
    public async Task Set_EarlierThanNow_RefusedAsBackwards()
    {
        await using var server = await LabClockServer.StartAsync();
        await (await server.Client.PostJsonAsync("/api/v1/clock/advance", new { duration = "10d" })).JsonAsync(200);
        var earlier = server.SystemTime.GetUtcNow().AddDays(5).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await server.Client.PostJsonAsync("/api/v1/clock/set", new { time = earlier });

        var problem = await ProblemAssert.HasCodeAsync(response, 409, "lab-clock-backwards");
        Assert.Contains("only moves forward", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1d", "lab-clock-duration-invalid", "greater than zero")]
    [InlineData("0s", "lab-clock-duration-invalid", "greater than zero")]
    [InlineData("ninety days", "lab-clock-duration-invalid", "does not parse")]
    [InlineData("", "lab-clock-duration-invalid", "The duration is missing.")]
    [InlineData("4000d", "lab-clock-duration-invalid", "3650 days")]
    public async Task Advance_BadDuration_PreciseError(string duration, string code, string reason)
    {
        await using var server = await LabClockServer.StartAsync();

        var response = await server.Client.PostJsonAsync("/api/v1/clock/advance", new { duration });

        var problem = await ProblemAssert.HasCodeAsync(response, 400, code);
        Assert.Contains(reason, ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-13-01", "lab-clock-time-invalid")]
    [InlineData("tomorrow", "lab-clock-time-invalid")]
    [InlineData("2200-01-01", "lab-clock-out-of-range")]
    public async Task Set_BadTime_PreciseError(string time, string code)
    {
        await using var server = await LabClockServer.StartAsync();

        var response = await server.Client.PostJsonAsync("/api/v1/clock/set", new { time });

        await ProblemAssert.HasCodeAsync(response, 400, code);
    }
}
