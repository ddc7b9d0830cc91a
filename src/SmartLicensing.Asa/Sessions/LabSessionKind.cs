namespace SmartLicensing.Asa.Sessions;

/// <summary>The kinds of simulated session the lab opens.</summary>
internal enum LabSessionKind
{
    /// <summary>AnyConnect client started on its own, or from the clientless portal.</summary>
    AnyConnect,

    /// <summary>Clientless SSL VPN (browser) session.</summary>
    Clientless,

    /// <summary>IPsec IKEv1, remote access or site-to-site.</summary>
    Ikev1,

    /// <summary>IPsec IKEv2 site-to-site.</summary>
    Ikev2,

    /// <summary>TLS proxy session for encrypted voice inspection.</summary>
    TlsProxy,

    /// <summary>SRTP call whose media the ASA encrypts or decrypts.</summary>
    Srtp,

    /// <summary>SRTP call passed through without encryption work; it does not count toward the SRTP limit.</summary>
    SrtpPassthrough,

    /// <summary>Firewall connection.</summary>
    Connection,
}
