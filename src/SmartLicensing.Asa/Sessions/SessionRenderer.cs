using System.Globalization;
using System.Text;
using SmartLicensing.Asa.Show;

namespace SmartLicensing.Asa.Sessions;

/// <summary><c>show vpn-sessiondb summary</c>, <c>show conn count</c>, <c>show tls-proxy</c> and <c>lab session show</c> for the lab's sessions.</summary>
internal static class SessionRenderer
{
    private const string Rule = "---------------------------------------------------------------------------";

    public static string VpnSummary(LabSessions sessions, LabLimits limits)
    {
        var anyConnect = sessions.AnyConnectClients;
        var clientless = sessions.ClientlessOnly;
        var ikev1 = sessions.Active(LabSessionKind.Ikev1);
        var ikev2 = sessions.Active(LabSessionKind.Ikev2);
        var total = sessions.VpnPeersInUse;
        var cumulative = sessions.CumulativeAnyConnectClients + sessions.Cumulative(LabSessionKind.Clientless)
            + sessions.Cumulative(LabSessionKind.Ikev1) + sessions.Cumulative(LabSessionKind.Ikev2);

        var text = new StringBuilder();
        text.Line(Rule);
        text.Line("VPN Session Summary");
        text.Line(Rule);
        text.Line("                               Active : Cumulative : Peak Concur : Inactive");
        text.Line("                             ----------------------------------------------");
        Row(text, "AnyConnect Client", anyConnect, sessions.CumulativeAnyConnectClients, sessions.PeakAnyConnectClients, inactive: true);
        Row(text, "  SSL/TLS/DTLS", anyConnect, sessions.CumulativeAnyConnectClients, sessions.PeakAnyConnectClients, inactive: true);
        Row(text, "Clientless VPN", clientless, sessions.Cumulative(LabSessionKind.Clientless), sessions.PeakClientlessOnly, inactive: false);
        Row(text, "  Browser", clientless, sessions.Cumulative(LabSessionKind.Clientless), sessions.PeakClientlessOnly, inactive: false);
        Row(text, "Site-to-Site VPN", ikev1 + ikev2, sessions.Cumulative(LabSessionKind.Ikev1) + sessions.Cumulative(LabSessionKind.Ikev2), sessions.PeakSiteToSite, inactive: false);
        Row(text, "  IKEv2 IPsec", ikev2, sessions.Cumulative(LabSessionKind.Ikev2), sessions.Peak(LabSessionKind.Ikev2), inactive: false);
        Row(text, "  IKEv1 IPsec", ikev1, sessions.Cumulative(LabSessionKind.Ikev1), sessions.Peak(LabSessionKind.Ikev1), inactive: false);
        text.Line(Rule);
        text.Line(Invariant($"Total Active and Inactive    : {total,6}             Total Cumulative : {cumulative,6}"));
        text.Line(Invariant($"Device Total VPN Capacity    : {limits.TotalVpnPeers,6}"));
        var load = limits.TotalVpnPeers == 0 ? 0 : (int)(total * 100 / limits.TotalVpnPeers);
        text.Line(Invariant($"Device Load                  : {load,5}%"));
        text.Line(Rule);
        return text.ToString();
    }

    public static string ConnCount(LabSessions sessions) =>
        Invariant($"{sessions.Active(LabSessionKind.Connection)} in use, {sessions.Peak(LabSessionKind.Connection)} most used\n");

    public static string TlsProxy(LabSessions sessions, LabLimits limits) =>
        Invariant($"Maximum number of sessions: {limits.TlsProxySessions}\n")
        + Invariant($"Active sess {sessions.Active(LabSessionKind.TlsProxy)}, most sess {sessions.Peak(LabSessionKind.TlsProxy)}, byte 0\n");

    /// <summary>Every lab count next to its limit, with the throughput cap.</summary>
    public static string LabSummary(LabSessions sessions, LabLimits limits, string throughputLimit)
    {
        var text = new StringBuilder();
        text.Line("Lab sessions on this " + limits.ModelName + " (simulated)");
        Limit(text, "AnyConnect Premium Peers", sessions.AnyConnectPeersInUse, limits.AnyConnectPeers);
        Limit(text, "Other VPN Peers", sessions.OtherVpnPeersInUse, limits.OtherVpnPeers);
        Limit(text, "Total VPN Peers", sessions.VpnPeersInUse, limits.TotalVpnPeers);
        Limit(text, "Total TLS Proxy Sessions", sessions.Active(LabSessionKind.TlsProxy), limits.TlsProxySessions);
        text.Line(Invariant($"  {"SRTP sessions",-28}: {sessions.Active(LabSessionKind.Srtp)} of {(limits.SrtpSessions is { } srtp ? srtp.ToString(CultureInfo.InvariantCulture) : "Unlimited")}"));
        text.Line(Invariant($"  {"SRTP passthrough calls",-28}: {sessions.Active(LabSessionKind.SrtpPassthrough)} (not counted)"));
        Limit(text, "Firewall connections", sessions.Active(LabSessionKind.Connection), limits.Connections);
        text.Line(Invariant($"  {"Throughput limit",-28}: {throughputLimit}"));
        return text.ToString();
    }

    private static void Limit(StringBuilder text, string label, long inUse, long limit) =>
        text.Line(Invariant($"  {label,-28}: {inUse} of {limit}"));

    private static void Row(StringBuilder text, string label, long active, long cumulative, long peak, bool inactive) =>
        text.Line(Invariant($"{label,-29}: {active,6} : {cumulative,10} : {peak,11}") + (inactive ? " :        0" : ""));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
