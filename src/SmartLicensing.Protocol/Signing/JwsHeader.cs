using System.Text.Json.Serialization;

namespace SmartLicensing.Protocol.Signing;

/// <summary>
/// Protected header of a protocol JWS. Only <c>EdDSA</c> is accepted, so <c>alg</c> is fixed.
/// </summary>
public sealed record JwsHeader
{
    public const string EdDsa = "EdDSA";

    [JsonPropertyName("alg")]
    public string Algorithm { get; init; } = EdDsa;

    /// <summary>Key id: the ID certificate serial number for devices, the signing key id for the server.</summary>
    [JsonPropertyName("kid")]
    public string? KeyId { get; init; }

    /// <summary>The signer's public key, sent only by a device that has no ID certificate yet.</summary>
    [JsonPropertyName("jwk")]
    public JsonWebKey? Key { get; init; }

    /// <summary>The server's signing certificate (base64 DER), chained to the root the device trusts.</summary>
    [JsonPropertyName("x5c")]
    public IReadOnlyList<string>? CertificateChain { get; init; }

    [JsonPropertyName("typ")]
    public string? Type { get; init; }
}

/// <summary>An Ed25519 public key as an RFC 8037 OKP JSON Web Key.</summary>
public sealed record JsonWebKey
{
    [JsonPropertyName("kty")]
    public string KeyType { get; init; } = "OKP";

    [JsonPropertyName("crv")]
    public string Curve { get; init; } = "Ed25519";

    /// <summary>The raw 32-byte public key, base64url.</summary>
    [JsonPropertyName("x")]
    public string X { get; init; } = "";
}
