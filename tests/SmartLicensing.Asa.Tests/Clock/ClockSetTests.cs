using Microsoft.Extensions.Time.Testing;
using SmartLicensing.Asa.Tests.Fakes;

namespace SmartLicensing.Asa.Tests.Clock;

public sealed class ClockSetTests : IDisposable
{
    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Theory]
    [InlineData("clock set 14:30:00 Mar 5 2027")]
    [InlineData("clock set 14:30:00 5 march 2027")]
    [InlineData("clock set 14:30:00 MARCH 05 2027")]
    public async Task ClockSet_ValidTime_ShowClockFollowsAndSurvivesNextSession(string command)
    {
        var (_, output) = await _device.RunAsync($"enable\n\n{command}\nshow clock\n");

        Assert.Contains("14:30:00.000 UTC Fri Mar 5 2027\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);

        _device.Time.Advance(TimeSpan.FromMinutes(2));
        var (_, next) = await _device.RunAsync("show clock\n");
        Assert.Contains("14:32:00.000 UTC Fri Mar 5 2027\n", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClockSet_EarlierTime_DeviceClockMayGoBack()
    {
        var (_, output) = await _device.RunAsync("enable\n\nclock set 09:00:00 Jan 2 2020\nshow clock\n");

        Assert.Contains("09:00:00.000 UTC Thu Jan 2 2020\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClockSet_Done_LoggedForShowLogging()
    {
        var (_, output) = await _device.RunAsync("enable\n\nclock set 14:30:00 Mar 5 2027\nshow logging\n");

        Assert.Contains("Mar 05 2027 14:30:00: %ASA-5-771002: CLOCK: System clock set, source: manual, before: 11:00:00.000 UTC Fri Feb 10 2023, after: 14:30:00.000 UTC Fri Mar 5 2027\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clock set 24:00:00 Mar 5 2027", "ERROR: Time '24:00:00' is out of range. Hours are 0 to 23, minutes and seconds 0 to 59.")]
    [InlineData("clock set 12:60:00 Mar 5 2027", "ERROR: Time '12:60:00' is out of range.")]
    [InlineData("clock set 12:00 Mar 5 2027", "ERROR: Time '12:00' is not HH:MM:SS.")]
    [InlineData("clock set 12:00:00 Foo 5 2027", "ERROR: Neither 'Foo' nor '5' is a month.")]
    [InlineData("clock set 12:00:00 Feb 30 2027", "ERROR: Day '30' is out of range. February 2027 has days 1 to 28.")]
    [InlineData("clock set 12:00:00 Feb 29 2028 ", null)]
    [InlineData("clock set 12:00:00 Mar 0 2027", "ERROR: Day '0' is out of range.")]
    [InlineData("clock set 12:00:00 Mar 5 2036", "ERROR: Year '2036' is out of range. Give a year from 1993 to 2035.")]
    [InlineData("clock set 12:00:00 Mar 5 1992", "ERROR: Year '1992' is out of range.")]
    public async Task ClockSet_BadValue_PreciseErrorAndClockUnchanged(string command, string? error)
    {
        var (_, output) = await _device.RunAsync($"enable\n\n{command}\nshow clock\n");

        if (error is null)
        {
            Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
            return;
        }

        Assert.Contains(error, output, StringComparison.Ordinal);
        Assert.Contains("11:00:00.000 UTC Fri Feb 10 2023\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClockSet_UserExec_NotACommandThere()
    {
        var (_, output) = await _device.RunAsync("clock set 12:00:00 Mar 5 2027\nshow clock\n");

        Assert.Contains("ERROR: % Invalid input detected at '^' marker.", output, StringComparison.Ordinal);
        Assert.Contains("11:00:00.000 UTC Fri Feb 10 2023\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClockSet_RealAgent_AgentTimesFollowTheDeviceClock()
    {
        var script = """
            enable

            clock set 14:30:00 Mar 5 2027
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

        await AsaConsole.RunAsync(
            new AsaOptions { DataDirectory = _device.DataDirectory },
            input,
            output,
            interactive: false,
            new FakeTimeProvider(new DateTimeOffset(2023, 2, 10, 11, 0, 0, TimeSpan.Zero)),
            TestContext.Current.CancellationToken);

        Assert.Contains("  Initial Registration: FAILED on Mar 05 2027 14:30:00 UTC\n", output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
