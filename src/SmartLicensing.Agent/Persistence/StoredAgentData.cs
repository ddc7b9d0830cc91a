using System.Text.Json.Serialization;

namespace SmartLicensing.Agent.Persistence;

/// <summary>
/// Everything the agent writes to its state file: the public state plus the device key, the ID
/// certificate and the retry counters that the public snapshot does not show.
/// </summary>
internal sealed record StoredAgentData
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public AgentState State { get; init; } = new();

    /// <summary>Raw 32-byte Ed25519 private key (the seed), base64; null when not registered.</summary>
    public string? DevicePrivateKey { get; init; }

    /// <summary>ID certificate, base64 DER; null when not registered.</summary>
    public string? IdCertificate { get; init; }

    /// <summary>Raw 32-byte Ed25519 private key made for the reservation request, base64; it signs the return code.</summary>
    public string? ReservationPrivateKey { get; init; }

    /// <summary>Failed authorization attempts since the last success; sets the retry delay.</summary>
    public int AuthorizationFailures { get; init; }

    /// <summary>Failed ID certificate renewals since the last success; sets the retry delay.</summary>
    public int IdRenewalFailures { get; init; }

    /// <summary>
    /// Token of a registration that failed for a passing reason and will be retried at
    /// <see cref="AgentState.NextRegistrationAttempt"/>; null otherwise. It is kept only in this
    /// file, which only the owner may read.
    /// </summary>
    public string? PendingRegistrationToken { get; init; }

    /// <summary>Whether the pending registration forces re-registration.</summary>
    public bool PendingRegistrationForce { get; init; }

    /// <summary>Failed registration attempts with the pending token; sets the retry delay.</summary>
    public int RegistrationFailures { get; init; }

    [JsonIgnore]
    public bool HasRegistration => DevicePrivateKey is not null && IdCertificate is not null;
}
