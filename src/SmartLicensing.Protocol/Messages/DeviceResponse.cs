using System.Text.Json.Serialization;

namespace SmartLicensing.Protocol.Messages;

/// <summary>
/// Payload of a signed server answer. <see cref="RequestNonce"/> repeats the request's nonce so
/// that an old answer cannot be replayed to a device.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(RegisterResponse), "register")]
[JsonDerivedType(typeof(AuthorizationResponse), "authorize")]
[JsonDerivedType(typeof(IdCertificateResponse), "renew-id")]
[JsonDerivedType(typeof(DeregisterResponse), "deregister")]
[JsonDerivedType(typeof(ErrorResponse), "error")]
public abstract record DeviceResponse
{
    public required string RequestNonce { get; init; }

    /// <summary>Server clock when the answer was made.</summary>
    public required DateTimeOffset IssuedAt { get; init; }
}

/// <summary>The ID certificate and account of a newly registered device.</summary>
public sealed record RegisterResponse : DeviceResponse
{
    public required IdCertificateInfo Certificate { get; init; }

    public required string SmartAccount { get; init; }

    public required string VirtualAccount { get; init; }

    /// <summary>Whether the token allowed export-controlled functionality for this device.</summary>
    public required bool ExportControlledAllowed { get; init; }
}

/// <summary>A device's X.509 ID certificate and when to renew it.</summary>
public sealed record IdCertificateInfo
{
    /// <summary>Certificate, base64 DER.</summary>
    public required string Certificate { get; init; }

    /// <summary>Serial number in upper-case hex; devices send it as the JWS <c>kid</c>.</summary>
    public required string SerialNumber { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>When the device should renew the certificate (6 months after issue).</summary>
    public required DateTimeOffset RenewAfter { get; init; }
}

public sealed record IdCertificateResponse : DeviceResponse
{
    public required IdCertificateInfo Certificate { get; init; }
}

/// <summary>The server's decision for each requested entitlement.</summary>
public sealed record AuthorizationResponse : DeviceResponse
{
    public required IReadOnlyList<EntitlementAuthorization> Entitlements { get; init; }

    /// <summary>Strong encryption (export-controlled functionality) is authorized for this device.</summary>
    public required bool ExportAuthorized { get; init; }

    public required DateTimeOffset AuthorizedAt { get; init; }

    /// <summary>When the device should renew the authorization (30 days later).</summary>
    public required DateTimeOffset RenewAfter { get; init; }

    /// <summary>The authorization expires at this time (90 days later) unless it is renewed.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>One entitlement in an authorization answer.</summary>
public sealed record EntitlementAuthorization
{
    public required string Tag { get; init; }

    public required int Count { get; init; }

    public required EntitlementStatus Status { get; init; }

    /// <summary>Catalog display name, for example <c>ASAv10 Standard - 1G</c>; null for an unknown tag.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Catalog short tag, for example <c>ASAv-STD-1G</c>; null for an unknown tag.</summary>
    public string? ShortTag { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<EntitlementStatus>))]
public enum EntitlementStatus
{
    [JsonStringEnumMemberName("AUTHORIZED")]
    Authorized,

    /// <summary>The virtual account lacks licenses for this entitlement.</summary>
    [JsonStringEnumMemberName("OUT_OF_COMPLIANCE")]
    OutOfCompliance,

    /// <summary>The server does not know the tag.</summary>
    [JsonStringEnumMemberName("INVALID_TAG")]
    InvalidTag,

    [JsonStringEnumMemberName("NOT_AUTHORIZED")]
    NotAuthorized,
}

public sealed record DeregisterResponse : DeviceResponse;

/// <summary>A rejected request: a stable code from <see cref="FailureReasons"/> and a message for people.</summary>
public sealed record ErrorResponse : DeviceResponse
{
    public required string Code { get; init; }

    public required string Message { get; init; }
}
