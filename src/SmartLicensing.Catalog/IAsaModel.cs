namespace SmartLicensing.Catalog;

/// <summary>Limits every ASA model has, whether it is an ASAv or a Firepower model.</summary>
public interface IAsaModel
{
    /// <summary>Model name, for example <c>ASAv10</c> or <c>Firepower 9300 SM-44</c>.</summary>
    string Model { get; }

    ProductPlatform Platform { get; }

    /// <summary>Concurrent firewall connections, per module on a Firepower 9300.</summary>
    long FirewallConnections { get; }

    int TlsProxySessions { get; }

    /// <summary>AnyConnect peers allowed with an AnyConnect Plus or Apex license. The Standard license allows none.</summary>
    int AnyConnectPeers { get; }

    /// <summary>IKEv1 remote access and IKEv1/IKEv2 site-to-site peers, included in the Standard license.</summary>
    int OtherVpnPeers { get; }

    /// <summary>VPN peers of all types combined.</summary>
    int TotalVpnPeers { get; }

    /// <summary>Maximum interfaces with a VLAN assigned.</summary>
    int Vlans { get; }

    /// <summary>Source or caveat of catalog data that does not come from the vendor's documentation, or null.</summary>
    string? Note { get; }
}
