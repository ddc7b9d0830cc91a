using SmartLicensing.Server.Clock;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Clock;

public sealed class LabClockRestartTests
{
    [Fact]
    public async Task Restart_AfterAdvanceFarAhead_TlsCertificateStartsAtSystemTime()
    {
        var directory = AuthorityServer.NewDataDirectory();
        var server = await LabClockServer.StartAsync(directory);
        var systemTime = server.SystemTime;
        try
        {
            await (await server.Client.PostJsonAsync("/api/v1/clock/advance", new { duration = "400d" })).JsonAsync(200);
            await server.StopAsync();

            // Deleting the certificate makes the restart issue a new one while the lab clock is ahead.
            File.Delete(Path.Combine(directory, ServerCredentials.ServerCertificateFile));
            server = await LabClockServer.StartAsync(directory, systemTime);

            // The client checks the certificate at the real time.
            var shown = await (await server.Client.GetAsync("/api/v1/clock", TestContext.Current.CancellationToken)).JsonAsync(200);
            Assert.Equal(systemTime.GetUtcNow().AddDays(400), shown.GetProperty("now").GetDateTimeOffset());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Advance_EmptyBody_SaysDurationMissing()
    {
        await using var server = await LabClockServer.StartAsync();

        var response = await server.Client.PostJsonAsync("/api/v1/clock/advance", new { });

        var problem = await ProblemAssert.HasCodeAsync(response, 400, "lab-clock-duration-invalid");
        Assert.StartsWith("The duration is missing.", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public void Advance_SystemClockTicksBetweenReads_OffsetGrowsByExactlyTheDuration()
    {
        var directory = AuthorityServer.NewDataDirectory();
        Directory.CreateDirectory(directory);
        try
        {
            var clock = LabClock.Load(new TickingClock(), directory);

            Assert.Null(clock.Advance(TimeSpan.FromDays(91)).Error);
            Assert.Equal(TimeSpan.FromDays(91), clock.Offset);
            Assert.Equal(TimeSpan.FromDays(91), LabClock.Load(new TickingClock(), directory).Offset);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }

    // A system clock that moves on by a millisecond at every read.
    private sealed class TickingClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow()
        {
            _now = _now.AddMilliseconds(1);
            return _now;
        }
    }
}
