using SmartLicensing.Asa.Tests.Fakes;

namespace SmartLicensing.Asa.Tests.Sessions;

/// <summary>The <c>lab</c> commands and the show commands that count their sessions, on the console.</summary>
public sealed class LabCommandTests : IDisposable
{
    private const string Licensed1G = "enable\nconf t\nlicense smart\n feature tier standard\n throughput level 1G\nend\n";

    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Fact]
    public async Task VpnSessiondbSummary_ClientlessThenPortalAnyConnect_ShowsOneActive()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "lab session open clientless 1\nlab session open anyconnect 1 from-portal\nshow vpn-sessiondb summary\n");

        Assert.Contains("AnyConnect Client            :      1 :", output, StringComparison.Ordinal);
        Assert.Contains("Clientless VPN               :      0 :", output, StringComparison.Ordinal);
        Assert.Contains("Total Active and Inactive    :      1", output, StringComparison.Ordinal);
        Assert.Contains("Device Total VPN Capacity    :    250\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VpnSessiondbSummary_AnyConnectThenClientless_ShowsTwoActive()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "lab session open anyconnect 1\nlab session open clientless 1\nshow vpn-sessiondb summary\n");

        Assert.Contains("Total Active and Inactive    :      2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabSessionOpen_UnlicensedAnyConnect_RefusedAtTwo()
    {
        var (_, output) = await _device.RunAsync("enable\nlab session open anyconnect 2\nlab session open anyconnect 1\n");

        Assert.Contains("Opened 2 AnyConnect sessions; 2 active.", output, StringComparison.Ordinal);
        Assert.Contains("ERROR: Cannot open 1 AnyConnect session: 2 of the 2 AnyConnect Premium Peers of this ASAv10 are in use.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabSessionOpen_UnlicensedSrtp_CappedAtK8Limit()
    {
        var (_, output) = await _device.RunAsync("enable\nlab session open srtp 10 passthrough\nlab session open srtp 250\nlab session open srtp 1\nlab session show\n");

        Assert.Contains("ERROR: Cannot open 1 SRTP session: 250 of the 250 SRTP sessions of K8 licenses of this ASAv10 are in use.", output, StringComparison.Ordinal);
        Assert.Contains("  SRTP passthrough calls      : 10 (not counted)\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabSessionOpen_LicensedK9Srtp_IsUnlimited()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "lab session open srtp 5000\nlab session show\n");

        Assert.Contains("  SRTP sessions               : 5000 of Unlimited\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowConnCount_AfterConnections_CountsThem()
    {
        var (_, output) = await _device.RunAsync("enable\nlab session open connection 40\nlab session close connection 15\nshow conn count\nlab session open connection 100000\n");

        Assert.Contains("25 in use, 40 most used\n", output, StringComparison.Ordinal);
        Assert.Contains("ERROR: Cannot open 100000 connections: 25 of the 100000 Firewall Conns, Concurrent of this ASAv10 are in use.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "Offered 500 Mbps, forwarded 100 Kbps: firewall throughput is limited to 100 Kbps because the device has no license.")]
    [InlineData(true, "Offered 500 Mbps, forwarded 500 Mbps: within the throughput limit (1 Gbps).")]
    public async Task LabTraffic_ThroughputCap_FollowsLicense(bool licensed, string expected)
    {
        if (licensed)
        {
            _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;
        }

        var (_, output) = await _device.RunAsync(Licensed1G + "lab traffic 500M\n");

        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabTraffic_AboveLicensedLevel_CappedAtLevel()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "lab traffic 2G\n");

        Assert.Contains("Offered 2 Gbps, forwarded 1 Gbps: firewall throughput is limited to 1 Gbps because that is the licensed throughput level.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabSessions_Reload_AreCleared()
    {
        var (_, output) = await _device.RunAsync("enable\nlab session open ikev2 5\nreload\nenable\nshow vpn-sessiondb summary\n");

        Assert.Contains("Total Active and Inactive    :      0", output, StringComparison.Ordinal);
    }
}
