namespace SmartLicensing.Server.DeviceEndpoint;

/// <summary>Limits the device endpoint applies to every message.</summary>
public static class DeviceMessageRules
{
    /// <summary>Largest request body read, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Shortest nonce accepted: 16 random bytes are 22 base64url characters.</summary>
    public const int MinNonceBytes = 16;

    public const int MaxNonceLength = 128;

    public const int MaxEntitlementsPerRequest = 100;

    public const int MaxEntitlementCount = 1000;

    public const int MaxTagLength = 200;

    /// <summary>How far the device clock may be from the server clock.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a nonce is remembered. Twice the clock tolerance: a message replayed later than
    /// this is already rejected by the clock check.
    /// </summary>
    public static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(20);

    /// <summary>A device renews its authorization this long after it was granted.</summary>
    public static readonly TimeSpan AuthorizationRenewAfter = TimeSpan.FromDays(30);

    /// <summary>An authorization that is not renewed expires this long after it was granted.</summary>
    public static readonly TimeSpan AuthorizationLifetime = TimeSpan.FromDays(90);
}
