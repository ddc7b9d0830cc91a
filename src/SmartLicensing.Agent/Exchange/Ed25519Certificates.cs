using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Agent.Exchange;

/// <summary>Reads Ed25519 public keys out of X.509 certificates (RFC 8410).</summary>
internal static class Ed25519Certificates
{
    public const string Ed25519Oid = "1.3.101.112";

    /// <summary>Returns the raw 32-byte key when the certificate's public key is Ed25519.</summary>
    public static bool TryGetPublicKey(X509Certificate2 certificate, [NotNullWhen(true)] out byte[]? publicKey)
    {
        publicKey = null;
        if (certificate.PublicKey.Oid.Value != Ed25519Oid)
        {
            return false;
        }

        // For Ed25519 the subjectPublicKey BIT STRING holds the raw key without further encoding.
        var raw = certificate.PublicKey.EncodedKeyValue.RawData;
        if (raw.Length != Ed25519Keys.PublicKeySize)
        {
            return false;
        }

        publicKey = raw;
        return true;
    }
}
