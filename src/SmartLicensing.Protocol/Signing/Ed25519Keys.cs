using System.Security.Cryptography;
using NSec.Cryptography;
using SmartLicensing.Protocol.Encoding;

namespace SmartLicensing.Protocol.Signing;

/// <summary>Verification and key ids for raw Ed25519 public keys.</summary>
public static class Ed25519Keys
{
    public const int PublicKeySize = 32;

    public const int SignatureSize = 64;

    /// <summary>
    /// Verifies an Ed25519 signature. Returns false, never throws, for a key or signature of the
    /// wrong size or a key that is not a valid curve point.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(key, data, signature);
    }

    /// <summary>
    /// Key id of a public key: base64url of the first 12 bytes of its SHA-256 digest, so the same
    /// key always has the same id on every node.
    /// </summary>
    public static string ComputeKeyId(ReadOnlySpan<byte> publicKey)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(publicKey, digest);
        return Base64Url.Encode(digest[..12]);
    }
}
