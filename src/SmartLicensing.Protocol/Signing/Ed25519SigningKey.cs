using System.Security.Cryptography;
using NSec.Cryptography;

namespace SmartLicensing.Protocol.Signing;

/// <summary>
/// Ed25519 private key used to sign protocol messages. Signing is thread-safe, so one instance
/// can serve every request.
/// </summary>
public sealed class Ed25519SigningKey : IDisposable
{
    private readonly Key _key;

    private Ed25519SigningKey(Key key)
    {
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = Ed25519Keys.ComputeKeyId(PublicKey);
    }

    /// <summary>Raw 32-byte public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>Key id derived from the public key; see <see cref="Ed25519Keys.ComputeKeyId"/>.</summary>
    public string KeyId { get; }

    public static Ed25519SigningKey Create() => new(Key.Create(SignatureAlgorithm.Ed25519, Exportable()));

    /// <summary>Imports a raw 32-byte private key (the seed), as written by <see cref="ExportPrivateKey"/>.</summary>
    public static Ed25519SigningKey ImportPrivateKey(ReadOnlySpan<byte> rawPrivateKey)
    {
        if (rawPrivateKey.Length != 32)
        {
            throw new CryptographicException($"An Ed25519 private key is 32 bytes, not {rawPrivateKey.Length}.");
        }

        return new(Key.Import(SignatureAlgorithm.Ed25519, rawPrivateKey, KeyBlobFormat.RawPrivateKey, Exportable()));
    }

    public byte[] ExportPrivateKey() => _key.Export(KeyBlobFormat.RawPrivateKey);

    public byte[] Sign(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(_key, data);

    public void Dispose() => _key.Dispose();

    // Private keys are written to protected files, so they must be exportable.
    private static KeyCreationParameters Exportable() => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
}
