namespace SmartLicensing.Catalog;

/// <summary>The ASA application on a Firepower 4100 model or a Firepower 9300 security module, with its limits.</summary>
/// <param name="Model">Model name, for example <c>Firepower 4110</c> or <c>Firepower 9300 SM-44</c>.</param>
/// <param name="Platform">Chassis platform, which sets the features and feature entitlements.</param>
/// <param name="FirewallConnections">Concurrent firewall connections of one module.</param>
/// <param name="TlsProxySessions">Total TLS proxy sessions.</param>
/// <param name="AnyConnectPeers">AnyConnect peers allowed with an AnyConnect Plus or Apex license.</param>
/// <param name="OtherVpnPeers">Other VPN peers (IKEv1 remote access, IKEv1 and IKEv2 site-to-site).</param>
/// <param name="TotalVpnPeers">VPN peers of all types combined.</param>
/// <param name="Vlans">Maximum interfaces with a VLAN assigned.</param>
/// <param name="Chassis">Connection limit of a full chassis when it is lower than the per-module limit times the modules, or null.</param>
public sealed record FirepowerModel(
    string Model,
    ProductPlatform Platform,
    long FirewallConnections,
    int TlsProxySessions,
    int AnyConnectPeers,
    int OtherVpnPeers,
    int TotalVpnPeers,
    int Vlans,
    ChassisConnectionLimit? Chassis) : IAsaModel
{
    public string? Note { get; init; }
}
