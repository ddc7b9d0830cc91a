using System.Globalization;

namespace SmartLicensing.Asa.Sessions;

/// <summary>
/// Simulated sessions and connections, counted against the limits as the ASA counts them.
/// AnyConnect and clientless sessions share the AnyConnect Premium peers; IKEv1 and IKEv2 share
/// Other VPN peers; all VPN sessions together stay within Total VPN peers. A clientless session
/// that launches AnyConnect from the portal stays one session; AnyConnect started first and the
/// portal opened afterwards are two. SRTP passthrough calls are not counted.
/// </summary>
internal sealed class LabSessions
{
    private readonly Dictionary<LabSessionKind, long> _active = [];
    private readonly Dictionary<LabSessionKind, long> _cumulative = [];
    private readonly Dictionary<LabSessionKind, long> _peak = [];
    private long _portalLaunches;

    /// <summary>Clientless sessions that launched AnyConnect from the portal; each still counts once.</summary>
    public long PortalAnyConnect { get; private set; }

    /// <summary>AnyConnect clients as <c>show vpn-sessiondb summary</c> counts them: standalone and launched from the portal.</summary>
    public long AnyConnectClients => Active(LabSessionKind.AnyConnect) + PortalAnyConnect;

    /// <summary>Clientless sessions that have not launched AnyConnect.</summary>
    public long ClientlessOnly => Active(LabSessionKind.Clientless) - PortalAnyConnect;

    /// <summary>IKEv1 and IKEv2 sessions together.</summary>
    public long SiteToSite => OtherVpnPeersInUse;

    /// <summary>AnyConnect clients ever started: standalone sessions and launches from the portal.</summary>
    public long CumulativeAnyConnectClients => Cumulative(LabSessionKind.AnyConnect) + _portalLaunches;

    public long PeakAnyConnectClients { get; private set; }

    public long PeakClientlessOnly { get; private set; }

    public long PeakSiteToSite { get; private set; }

    public long Active(LabSessionKind kind) => _active.GetValueOrDefault(kind);

    public long Cumulative(LabSessionKind kind) => _cumulative.GetValueOrDefault(kind);

    public long Peak(LabSessionKind kind) => _peak.GetValueOrDefault(kind);

    /// <summary>Sessions using AnyConnect Premium peers: standalone AnyConnect plus clientless (with or without AnyConnect launched).</summary>
    public long AnyConnectPeersInUse => Active(LabSessionKind.AnyConnect) + Active(LabSessionKind.Clientless);

    public long OtherVpnPeersInUse => Active(LabSessionKind.Ikev1) + Active(LabSessionKind.Ikev2);

    public long VpnPeersInUse => AnyConnectPeersInUse + OtherVpnPeersInUse;

    /// <summary>Opens <paramref name="count"/> sessions, all or none.</summary>
    /// <param name="kind">Kind of session.</param>
    /// <param name="count">How many to open.</param>
    /// <param name="fromPortal">For AnyConnect: launch it from open clientless sessions instead of starting new sessions.</param>
    /// <param name="limits">Limits in force.</param>
    public LabOutcome Open(LabSessionKind kind, long count, bool fromPortal, LabLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (count < 1)
        {
            return LabOutcome.Refused("Give a session count of 1 or more.");
        }

        if (kind == LabSessionKind.AnyConnect && fromPortal)
        {
            var portal = Active(LabSessionKind.Clientless) - PortalAnyConnect;
            if (count > portal)
            {
                return LabOutcome.Refused(Text(
                    $"Only {portal} clientless sessions have not launched AnyConnect yet; open clientless sessions first."));
            }

            PortalAnyConnect += count;
            _portalLaunches += count;
            UpdateSummaryPeaks();
            return LabOutcome.Success(Text(
                $"Launched AnyConnect from {Count(count, "clientless portal session", "clientless portal sessions")}; {(count == 1 ? "it still counts as 1 session" : Text($"they still count as {count} sessions"))}. VPN peers in use: {VpnPeersInUse} of {limits.TotalVpnPeers}."));
        }

        var refusal = Check(kind, count, limits);
        if (refusal is not null)
        {
            return LabOutcome.Refused(refusal);
        }

        var active = Active(kind) + count;
        _active[kind] = active;
        _cumulative[kind] = Cumulative(kind) + count;
        _peak[kind] = Math.Max(Peak(kind), active);
        UpdateSummaryPeaks();
        return LabOutcome.Success(Text($"Opened {Name(kind, count)}; {(kind == LabSessionKind.AnyConnect ? AnyConnectClients : active)} active."));
    }

    /// <summary>Closes up to <paramref name="count"/> sessions, or all of the kind when null.</summary>
    /// <remarks>
    /// AnyConnect closes standalone clients first, then clients launched from the portal, which
    /// ends their clientless session too. Clientless closes sessions without AnyConnect first.
    /// The active count reported is the one <c>show vpn-sessiondb summary</c> shows for the kind.
    /// </remarks>
    public LabOutcome Close(LabSessionKind kind, long? count)
    {
        long closing;
        long remaining;
        if (kind == LabSessionKind.AnyConnect)
        {
            var available = AnyConnectClients;
            closing = Math.Min(available, count ?? available);
            var standalone = Math.Min(Active(kind), closing);
            var portal = closing - standalone;
            _active[kind] = Active(kind) - standalone;
            _active[LabSessionKind.Clientless] = Active(LabSessionKind.Clientless) - portal;
            PortalAnyConnect -= portal;
            remaining = AnyConnectClients;
        }
        else if (kind == LabSessionKind.Clientless)
        {
            var active = Active(kind);
            closing = Math.Min(active, count ?? active);
            _active[kind] = active - closing;
            PortalAnyConnect = Math.Min(PortalAnyConnect, active - closing);
            remaining = ClientlessOnly;
        }
        else
        {
            var active = Active(kind);
            closing = Math.Min(active, count ?? active);
            _active[kind] = active - closing;
            remaining = active - closing;
        }

        return LabOutcome.Success(Text($"Closed {Name(kind, closing)}; {remaining} active."));
    }

    private void UpdateSummaryPeaks()
    {
        PeakAnyConnectClients = Math.Max(PeakAnyConnectClients, AnyConnectClients);
        PeakClientlessOnly = Math.Max(PeakClientlessOnly, ClientlessOnly);
        PeakSiteToSite = Math.Max(PeakSiteToSite, SiteToSite);
    }

    private string? Check(LabSessionKind kind, long count, LabLimits limits)
    {
        switch (kind)
        {
            case LabSessionKind.AnyConnect or LabSessionKind.Clientless:
                if (AnyConnectPeersInUse + count > limits.AnyConnectPeers)
                {
                    return Refusal(count, kind, AnyConnectPeersInUse, limits.AnyConnectPeers, "AnyConnect Premium Peers", limits.ModelName);
                }

                break;

            case LabSessionKind.Ikev1 or LabSessionKind.Ikev2:
                if (OtherVpnPeersInUse + count > limits.OtherVpnPeers)
                {
                    return Refusal(count, kind, OtherVpnPeersInUse, limits.OtherVpnPeers, "Other VPN Peers", limits.ModelName);
                }

                break;

            case LabSessionKind.TlsProxy:
                if (Active(kind) + count > limits.TlsProxySessions)
                {
                    return Refusal(count, kind, Active(kind), limits.TlsProxySessions, "Total TLS Proxy Sessions", limits.ModelName);
                }

                break;

            case LabSessionKind.Srtp:
                if (limits.SrtpSessions is { } srtp && Active(kind) + count > srtp)
                {
                    return Refusal(count, kind, Active(kind), srtp, "SRTP sessions of K8 licenses", limits.ModelName);
                }

                break;

            case LabSessionKind.Connection:
                if (Active(kind) + count > limits.Connections)
                {
                    return Refusal(count, kind, Active(kind), limits.Connections, "Firewall Conns, Concurrent", limits.ModelName);
                }

                break;
        }

        var isVpn = kind is LabSessionKind.AnyConnect or LabSessionKind.Clientless or LabSessionKind.Ikev1 or LabSessionKind.Ikev2;
        return isVpn && VpnPeersInUse + count > limits.TotalVpnPeers
            ? Refusal(count, kind, VpnPeersInUse, limits.TotalVpnPeers, "Total VPN Peers", limits.ModelName)
            : null;
    }

    private static string Refusal(long count, LabSessionKind kind, long inUse, long limit, string limitName, string model) =>
        Text($"Cannot open {Name(kind, count)}: {inUse} of the {limit} {limitName} of this {model} are in use.");

    public static string Name(LabSessionKind kind) => kind switch
    {
        LabSessionKind.AnyConnect => "AnyConnect sessions",
        LabSessionKind.Clientless => "clientless sessions",
        LabSessionKind.Ikev1 => "IKEv1 sessions",
        LabSessionKind.Ikev2 => "IKEv2 sessions",
        LabSessionKind.TlsProxy => "TLS proxy sessions",
        LabSessionKind.Srtp => "SRTP sessions",
        LabSessionKind.SrtpPassthrough => "SRTP passthrough calls",
        _ => "connections",
    };

    /// <summary>The count with the kind's name, singular for 1: <c>1 AnyConnect session</c>, <c>2 connections</c>.</summary>
    public static string Name(LabSessionKind kind, long count) =>
        count == 1 ? Text($"1 {Singular(kind)}") : Text($"{count} {Name(kind)}");

    private static string Singular(LabSessionKind kind) => kind switch
    {
        LabSessionKind.AnyConnect => "AnyConnect session",
        LabSessionKind.Clientless => "clientless session",
        LabSessionKind.Ikev1 => "IKEv1 session",
        LabSessionKind.Ikev2 => "IKEv2 session",
        LabSessionKind.TlsProxy => "TLS proxy session",
        LabSessionKind.Srtp => "SRTP session",
        LabSessionKind.SrtpPassthrough => "SRTP passthrough call",
        _ => "connection",
    };

    private static string Count(long count, string singular, string plural) => count == 1 ? "1 " + singular : Text($"{count} {plural}");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
