using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Server.Pki;

/// <summary>An ID certificate issued to a device: DER bytes, serial (upper-case hex) and its dates.</summary>
public sealed record IssuedIdCertificate(
    byte[] Der,
    string Serial,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    DateTimeOffset RenewAfter)
{
    public IdCertificateInfo ToMessage() => new()
    {
        Certificate = Convert.ToBase64String(Der),
        SerialNumber = Serial,
        NotBefore = NotBefore,
        NotAfter = NotAfter,
        RenewAfter = RenewAfter,
    };
}
