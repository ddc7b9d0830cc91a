using System.Text.Json.Serialization;

namespace SmartLicensing.Protocol.Messages;

/// <summary>
/// Payload of a signed device message. <see cref="Nonce"/> and <see cref="IssuedAt"/> let the
/// server reject replays and clocks that are far off; the answer echoes the nonce.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(RegisterRequest), "register")]
[JsonDerivedType(typeof(AuthorizationRequest), "authorize")]
[JsonDerivedType(typeof(IdCertificateRenewalRequest), "renew-id")]
[JsonDerivedType(typeof(DeregisterRequest), "deregister")]
public abstract record DeviceRequest
{
    /// <summary>Random value, at least 16 bytes, base64url; never reused by a device.</summary>
    public required string Nonce { get; init; }

    /// <summary>Device clock when the message was made.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The device's UDI, <c>PID:&lt;pid&gt;,SN:&lt;serial&gt;</c>.</summary>
    public required string Udi { get; init; }
}

/// <summary>
/// Registers a device with a token. Signed with the new device key, whose public half travels
/// in the JWS header (<c>jwk</c>), which proves the device holds it.
/// </summary>
public sealed record RegisterRequest : DeviceRequest
{
    public required string Token { get; init; }

    /// <summary>Re-register a device the server already knows (the CLI's <c>force</c>).</summary>
    public bool Force { get; init; }

    /// <summary>Product name shown in the inventory, for example <c>ASAv</c>.</summary>
    public string? ProductName { get; init; }

    /// <summary>Software version of the device, shown in the inventory.</summary>
    public string? ProductVersion { get; init; }
}

/// <summary>Requests (or renews) authorization for the entitlements the device uses.</summary>
public sealed record AuthorizationRequest : DeviceRequest
{
    public required IReadOnlyList<EntitlementRequest> Entitlements { get; init; }
}

/// <summary>One entitlement and how many of it the device uses.</summary>
public sealed record EntitlementRequest(string Tag, int Count);

/// <summary>
/// Renews the ID certificate. The request is signed with the current key; a device that rotates
/// its key sends the new public key and signs the request with the new key as well in
/// <see cref="NewKeyProof"/>.
/// </summary>
public sealed record IdCertificateRenewalRequest : DeviceRequest
{
    /// <summary>New raw Ed25519 public key (base64url), or null to keep the current key.</summary>
    public string? NewPublicKey { get; init; }

    /// <summary>Signature by the new key over the nonce (base64url), required with <see cref="NewPublicKey"/>.</summary>
    public string? NewKeyProof { get; init; }
}

/// <summary>Removes the device from its virtual account and frees its licenses.</summary>
public sealed record DeregisterRequest : DeviceRequest;
