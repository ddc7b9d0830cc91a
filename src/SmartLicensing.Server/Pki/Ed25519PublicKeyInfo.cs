using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Server.Pki;

/// <summary>
/// Builds and reads the X.509 SubjectPublicKeyInfo of a raw Ed25519 key (RFC 8410): the algorithm
/// identifier is the bare OID 1.3.101.112 with no parameters, followed by the 32 key bytes.
/// </summary>
internal static class Ed25519PublicKeyInfo
{
    // SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (0 unused bits) ... }
    private static ReadOnlySpan<byte> Prefix => [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00];

    public static PublicKey ToPublicKey(ReadOnlySpan<byte> rawPublicKey)
    {
        if (rawPublicKey.Length != Ed25519Keys.PublicKeySize)
        {
            throw new ArgumentException($"An Ed25519 public key is {Ed25519Keys.PublicKeySize} bytes, not {rawPublicKey.Length}.", nameof(rawPublicKey));
        }

        var spki = new byte[Prefix.Length + rawPublicKey.Length];
        Prefix.CopyTo(spki);
        rawPublicKey.CopyTo(spki.AsSpan(Prefix.Length));
        return PublicKey.CreateFromSubjectPublicKeyInfo(spki, out _);
    }

    /// <summary>Returns the raw Ed25519 key of a certificate, or null when the certificate contains another key type.</summary>
    public static byte[]? ReadRawKey(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (certificate.PublicKey.Oid.Value != CertificateProfiles.Ed25519AlgorithmOid)
        {
            return null;
        }

        var raw = certificate.PublicKey.EncodedKeyValue.RawData;
        return raw.Length == Ed25519Keys.PublicKeySize ? raw : null;
    }
}
