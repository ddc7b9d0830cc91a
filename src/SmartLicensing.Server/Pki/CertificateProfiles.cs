namespace SmartLicensing.Server.Pki;

/// <summary>Validity periods and object identifiers of the certificates the server issues.</summary>
public static class CertificateProfiles
{
    public const string Ed25519AlgorithmOid = "1.3.101.112";

    public const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    public const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    public static readonly TimeSpan RootValidity = TimeSpan.FromDays(20 * 365);

    public static readonly TimeSpan ServerTlsValidity = TimeSpan.FromDays(2 * 365);

    public static readonly TimeSpan SigningValidity = TimeSpan.FromDays(10 * 365);

    public static readonly TimeSpan IdCertificateValidity = TimeSpan.FromDays(365);

    /// <summary>A device requests a new ID certificate after about six months.</summary>
    public static readonly TimeSpan IdCertificateRenewAfter = TimeSpan.FromDays(182);

    /// <summary>Back-dating of NotBefore so a device whose clock is a little behind accepts a fresh certificate.</summary>
    public static readonly TimeSpan ClockAllowance = TimeSpan.FromMinutes(5);

    /// <summary>Back-dating of NotBefore of the TLS and signing certificates, issued at the system time.</summary>
    public static readonly TimeSpan TlsClockAllowance = TimeSpan.FromDays(1);
}
