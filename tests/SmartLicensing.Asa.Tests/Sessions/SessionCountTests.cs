using System.Globalization;
using System.Text.RegularExpressions;
using SmartLicensing.Asa.Tests.Fakes;

namespace SmartLicensing.Asa.Tests.Sessions;

/// <summary>Active, cumulative and peak counts of <c>show vpn-sessiondb summary</c> agree with the lab commands.</summary>
public sealed partial class SessionCountTests : IDisposable
{
    private const string Licensed1G = "enable\nconf t\nlicense smart\n feature tier standard\n throughput level 1G\nend\n";

    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Fact]
    public async Task VpnSummary_PortalAnyConnect_PeakAtLeastActiveAndCumulativeCountsLaunch()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G
            + "lab session open clientless 2\nlab session open anyconnect 2 from-portal\nlab session open ikev1 1\nlab session open ikev2 1\nshow vpn-sessiondb summary\n");

        var anyConnect = Row(output, "AnyConnect Client");
        Assert.Equal(2, anyConnect.Active);
        Assert.Equal(2, anyConnect.Cumulative);
        Assert.True(anyConnect.Peak >= anyConnect.Active, $"peak {anyConnect.Peak} < active {anyConnect.Active}");
        var siteToSite = Row(output, "Site-to-Site VPN");
        Assert.Equal(2, siteToSite.Active);
        Assert.Equal(2, siteToSite.Peak);
        Assert.Contains("Total Cumulative :      6", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseAnyConnect_PortalSessions_ReportsTheCountTheSummaryShows()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G
            + "lab session open anyconnect 1\nlab session open clientless 2\nlab session open anyconnect 2 from-portal\nlab session close anyconnect 2\nshow vpn-sessiondb summary\n");

        Assert.Contains("Closed 2 AnyConnect sessions; 1 active.", output, StringComparison.Ordinal);
        Assert.Equal(1, Row(output, "AnyConnect Client").Active);
        Assert.Equal(3, Row(output, "AnyConnect Client").Peak);
    }

    [Fact]
    public async Task LabSessionOpen_OneSession_IsSingular()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "lab session open anyconnect 1\nlab session close anyconnect\n");

        Assert.Contains("Opened 1 AnyConnect session; 1 active.", output, StringComparison.Ordinal);
        Assert.Contains("Closed 1 AnyConnect session; 0 active.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabTraffic_OverLicensedLevel_IsAWholeSentence()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "lab traffic 5G\n");

        Assert.Contains("firewall throughput is limited to 1 Gbps because that is the licensed throughput level.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabSessionShow_FirepowerWithoutStrongEncryption_AgreesWithTraffic()
    {
        var (_, output) = await _device.RunAsync("enable\nlab session show\nlab traffic 1G\n", _device.Options() with { Platform = "fpr4100", Model = "4110" });

        Assert.DoesNotContain("Throughput limit            : Unlimited", output, StringComparison.Ordinal);
        Assert.Contains("Throughput limit            : 0 Kbps", output, StringComparison.Ordinal);
        Assert.Contains("forwarded 0 Kbps", output, StringComparison.Ordinal);
    }

    private static (long Active, long Cumulative, long Peak) Row(string output, string label)
    {
        var match = RowPattern().Matches(output).Single(m => m.Groups["label"].Value.Trim() == label);
        return (Parse(match, "active"), Parse(match, "cumulative"), Parse(match, "peak"));
    }

    private static long Parse(Match match, string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<label>[^:\n]+?)\s*:\s+(?<active>\d+) :\s+(?<cumulative>\d+) :\s+(?<peak>\d+)", RegexOptions.Multiline)]
    private static partial Regex RowPattern();
}
