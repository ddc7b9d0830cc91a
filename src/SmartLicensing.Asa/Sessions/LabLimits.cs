namespace SmartLicensing.Asa.Sessions;

/// <summary>The limits the licenses and the model set on the lab's sessions.</summary>
/// <param name="ModelName">Model name for messages.</param>
/// <param name="AnyConnectPeers">AnyConnect Premium peers (AnyConnect and clientless).</param>
/// <param name="OtherVpnPeers">IKEv1 and IKEv2 peers.</param>
/// <param name="TotalVpnPeers">VPN peers of every kind together.</param>
/// <param name="TlsProxySessions">TLS proxy limit in force.</param>
/// <param name="SrtpSessions">SRTP limit for K8 licenses, or null for no limit (K9).</param>
/// <param name="Connections">Concurrent firewall connections of the device.</param>
internal sealed record LabLimits(
    string ModelName,
    int AnyConnectPeers,
    int OtherVpnPeers,
    int TotalVpnPeers,
    int TlsProxySessions,
    int? SrtpSessions,
    long Connections);

/// <summary>Result of opening or closing lab sessions: success with a summary, or the rejection, which names the limit.</summary>
internal sealed record LabOutcome(bool Succeeded, string Message)
{
    public static LabOutcome Success(string message) => new(true, message);

    public static LabOutcome Refused(string message) => new(false, message);
}
