using SmartLicensing.Asa.Sessions;

namespace SmartLicensing.Asa.Tests.Sessions;

/// <summary>How simulated sessions count against the VPN, TLS proxy, SRTP and connection limits.</summary>
public sealed class LabSessionsTests
{
    private static readonly LabLimits Asav10 = new("ASAv10", 250, 250, 250, 500, null, 100_000);

    [Fact]
    public void Open_ClientlessThenAnyConnectFromPortal_CountsOneSession()
    {
        var lab = new LabSessions();

        lab.Open(LabSessionKind.Clientless, 1, fromPortal: false, Asav10);
        var outcome = lab.Open(LabSessionKind.AnyConnect, 1, fromPortal: true, Asav10);

        Assert.True(outcome.Succeeded);
        Assert.Equal(1, lab.VpnPeersInUse);
    }

    [Fact]
    public void Open_AnyConnectThenClientless_CountsTwoSessions()
    {
        var lab = new LabSessions();

        lab.Open(LabSessionKind.AnyConnect, 1, fromPortal: false, Asav10);
        lab.Open(LabSessionKind.Clientless, 1, fromPortal: false, Asav10);

        Assert.Equal(2, lab.VpnPeersInUse);
    }

    [Fact]
    public void Open_AnyConnectFromPortalWithoutClientless_IsRefused()
    {
        var lab = new LabSessions();

        var outcome = lab.Open(LabSessionKind.AnyConnect, 1, fromPortal: true, Asav10);

        Assert.False(outcome.Succeeded);
        Assert.Equal(0, lab.VpnPeersInUse);
    }

    [Fact]
    public void Open_AnyConnectOverPremiumPeers_IsRefusedNamingLimit()
    {
        var lab = new LabSessions();
        var unlicensed = Asav10 with { AnyConnectPeers = 2 };

        lab.Open(LabSessionKind.AnyConnect, 2, fromPortal: false, unlicensed);
        var outcome = lab.Open(LabSessionKind.Clientless, 1, fromPortal: false, unlicensed);

        Assert.False(outcome.Succeeded);
        Assert.Equal("Cannot open 1 clientless session: 2 of the 2 AnyConnect Premium Peers of this ASAv10 are in use.", outcome.Message);
    }

    [Fact]
    public void Open_CombinedOverTotalVpnPeers_IsRefusedNamingTotal()
    {
        var lab = new LabSessions();
        var asav30 = new LabLimits("ASAv30", 750, 1000, 1000, 1000, null, 500_000);

        Assert.True(lab.Open(LabSessionKind.AnyConnect, 750, fromPortal: false, asav30).Succeeded);
        Assert.True(lab.Open(LabSessionKind.Ikev2, 250, fromPortal: false, asav30).Succeeded);
        var outcome = lab.Open(LabSessionKind.Ikev1, 1, fromPortal: false, asav30);

        Assert.False(outcome.Succeeded);
        Assert.Contains("1000 of the 1000 Total VPN Peers of this ASAv30 are in use", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OtherVpnOverLimit_IsRefusedNamingOtherVpn()
    {
        var lab = new LabSessions();

        var outcome = lab.Open(LabSessionKind.Ikev1, 251, fromPortal: false, Asav10);

        Assert.False(outcome.Succeeded);
        Assert.Contains("Other VPN Peers", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SrtpWithK8Cap_RefusesAbove250AndIgnoresPassthrough()
    {
        var lab = new LabSessions();
        var k8 = Asav10 with { SrtpSessions = 250 };

        Assert.True(lab.Open(LabSessionKind.SrtpPassthrough, 1000, fromPortal: false, k8).Succeeded);
        Assert.True(lab.Open(LabSessionKind.Srtp, 250, fromPortal: false, k8).Succeeded);
        var outcome = lab.Open(LabSessionKind.Srtp, 1, fromPortal: false, k8);

        Assert.False(outcome.Succeeded);
        Assert.Contains("250 of the 250 SRTP sessions of K8 licenses", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SrtpWithK9_HasNoLimit()
    {
        var lab = new LabSessions();

        Assert.True(lab.Open(LabSessionKind.Srtp, 100_000, fromPortal: false, Asav10).Succeeded);
    }

    [Fact]
    public void Open_ConnectionsOverModelLimit_IsRefused()
    {
        var lab = new LabSessions();

        Assert.True(lab.Open(LabSessionKind.Connection, 100_000, fromPortal: false, Asav10).Succeeded);
        var outcome = lab.Open(LabSessionKind.Connection, 1, fromPortal: false, Asav10);

        Assert.False(outcome.Succeeded);
        Assert.Contains("Firewall Conns, Concurrent", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_ClientlessWithPortalAnyConnect_ReleasesBoth()
    {
        var lab = new LabSessions();
        lab.Open(LabSessionKind.Clientless, 3, fromPortal: false, Asav10);
        lab.Open(LabSessionKind.AnyConnect, 2, fromPortal: true, Asav10);

        lab.Close(LabSessionKind.Clientless, null);

        Assert.Equal(0, lab.VpnPeersInUse);
        Assert.Equal(0, lab.PortalAnyConnect);
    }
}
