namespace SmartLicensing.Catalog;

/// <summary>An ASAv model: its sizing, the throughput level that licenses it, and its limits.</summary>
/// <param name="Model">Model name, for example <c>ASAv10</c>.</param>
/// <param name="Vcpus">vCPUs the model needs.</param>
/// <param name="MemoryMb">Memory the model needs, in MB.</param>
/// <param name="ThroughputLevel">Keyword of <c>throughput level</c>, for example <c>1G</c>.</param>
/// <param name="ThroughputText">Licensed throughput as the device prints it, for example <c>1 Gbps</c>.</param>
/// <param name="Standard">Standard entitlement for this throughput level.</param>
/// <param name="Reservation">Permanent license reservation entitlement, or null for a model without permanent license reservation (ASAv100).</param>
/// <param name="FirewallConnections">Concurrent firewall connections.</param>
/// <param name="TlsProxySessions">Total TLS proxy sessions.</param>
/// <param name="AnyConnectPeers">AnyConnect peers allowed with an AnyConnect Plus or Apex license.</param>
/// <param name="OtherVpnPeers">Other VPN peers (IKEv1 remote access, IKEv1 and IKEv2 site-to-site).</param>
/// <param name="TotalVpnPeers">VPN peers of all types combined.</param>
/// <param name="Vlans">Maximum interfaces with a VLAN assigned.</param>
public sealed record AsavModel(
    string Model,
    int Vcpus,
    int MemoryMb,
    string ThroughputLevel,
    string ThroughputText,
    Entitlement Standard,
    Entitlement? Reservation,
    long FirewallConnections,
    int TlsProxySessions,
    int AnyConnectPeers,
    int OtherVpnPeers,
    int TotalVpnPeers,
    int Vlans) : IAsaModel
{
    public required ProductPlatform Platform { get; init; }

    public string? Note { get; init; }

    public bool SupportsPermanentReservation => Reservation is not null;
}
