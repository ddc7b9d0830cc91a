namespace SmartLicensing.Agent;

/// <summary>Registration state words, as devices print them.</summary>
public enum RegistrationStatus
{
    /// <summary>No ID certificate; the device has never registered or was deregistered.</summary>
    Unregistered,

    /// <summary>A registration exchange is running.</summary>
    Registering,

    /// <summary>The device has a valid ID certificate.</summary>
    Registered,

    /// <summary>The latest registration attempt failed and the device has no ID certificate.</summary>
    RegistrationFailed,

    /// <summary>The ID certificate expired without renewal; the device must register again.</summary>
    RegistrationExpired,

    /// <summary>A permanent license reservation request code was made and its authorization code is not installed yet.</summary>
    ReservationInProgress,

    /// <summary>A universal permanent license reservation is installed; the device needs no license server.</summary>
    UniversalReservation,
}

/// <summary>Overall authorization (enforcement) state, as devices print them.</summary>
public enum AuthorizationStatus
{
    /// <summary>Nothing requested yet, or not registered.</summary>
    None,

    /// <summary>Registered and an authorization request is outstanding.</summary>
    Waiting,

    /// <summary>Every answered entitlement is authorized.</summary>
    Authorized,

    /// <summary>At least one entitlement is out of compliance; this outranks every other status.</summary>
    OutOfCompliance,

    /// <summary>The authorization was not renewed before its expiry time.</summary>
    AuthorizationExpired,

    /// <summary>At least one entitlement tag is unknown to the server, and none is out of compliance.</summary>
    InvalidTag,

    /// <summary>At least one entitlement is not authorized, and none is out of compliance or has an invalid tag.</summary>
    NotAuthorized,

    /// <summary>A permanent license reservation is installed and authorizes the device (reserved-authorized).</summary>
    Reserved,
}

/// <summary>Outcome of the latest attempt of one kind of exchange.</summary>
/// <param name="Time">When the attempt was made.</param>
/// <param name="Succeeded">Whether it succeeded.</param>
/// <param name="FailureCode">Stable code of the failure reason, null on success.</param>
/// <param name="FailureMessage">Failure reason for people, null on success.</param>
public sealed record AttemptRecord(DateTimeOffset Time, bool Succeeded, string? FailureCode = null, string? FailureMessage = null);

/// <summary>One entitlement the device uses and the status the server last returned for it.</summary>
/// <param name="Tag">Entitlement tag.</param>
/// <param name="Count">How many the device uses.</param>
/// <param name="Status">The server's latest status, or null before the first answer.</param>
/// <param name="DisplayName">Catalog display name from the server's answer.</param>
/// <param name="ShortTag">Catalog short tag from the server's answer.</param>
public sealed record EntitlementState(
    string Tag,
    int Count,
    Protocol.Messages.EntitlementStatus? Status,
    string? DisplayName,
    string? ShortTag);

/// <summary>An immutable snapshot of the agent state, which show output reads.</summary>
public sealed record AgentState
{
    /// <summary>Registration state.</summary>
    public RegistrationStatus Registration { get; init; } = RegistrationStatus.Unregistered;

    /// <summary>Overall authorization state; see <see cref="AuthorizationStatus"/> for which status wins.</summary>
    public AuthorizationStatus Authorization { get; init; } = AuthorizationStatus.None;

    /// <summary>Smart account the device is registered in.</summary>
    public string? SmartAccount { get; init; }

    /// <summary>Virtual account the device is registered in.</summary>
    public string? VirtualAccount { get; init; }

    /// <summary>Export-controlled functionality allowed by the registration token.</summary>
    public bool ExportControlledAllowed { get; init; }

    /// <summary>Strong encryption authorized by the latest authorization answer.</summary>
    public bool ExportAuthorized { get; init; }

    /// <summary>Time of the first successful registration with the current ID certificate.</summary>
    public DateTimeOffset? RegisteredAt { get; init; }

    /// <summary>Latest registration attempt (register, and force re-register).</summary>
    public AttemptRecord? LastRegistrationAttempt { get; init; }

    /// <summary>
    /// Next retry of a registration that failed for a reason that may pass, such as an unreachable
    /// or unavailable server. Null when no retry is planned, for example after the server rejected
    /// the token.
    /// </summary>
    public DateTimeOffset? NextRegistrationAttempt { get; init; }

    /// <summary>Latest ID certificate renewal attempt.</summary>
    public AttemptRecord? LastIdRenewalAttempt { get; init; }

    /// <summary>Next planned ID certificate renewal (6 months after issue, or a retry time).</summary>
    public DateTimeOffset? NextIdRenewal { get; init; }

    /// <summary>ID certificate expiry; the registration expires with it.</summary>
    public DateTimeOffset? RegistrationExpires { get; init; }

    /// <summary>ID certificate serial number (hex), null when not registered.</summary>
    public string? CertificateSerial { get; init; }

    /// <summary>ID certificate validity start.</summary>
    public DateTimeOffset? CertificateNotBefore { get; init; }

    /// <summary>Time of the latest successful authorization.</summary>
    public DateTimeOffset? AuthorizedAt { get; init; }

    /// <summary>Latest authorization attempt.</summary>
    public AttemptRecord? LastAuthorizationAttempt { get; init; }

    /// <summary>Next planned authorization request (30 days after success, or a retry time).</summary>
    public DateTimeOffset? NextAuthorizationAttempt { get; init; }

    /// <summary>Communication deadline: the authorization expires then (90 days after success).</summary>
    public DateTimeOffset? AuthorizationExpires { get; init; }

    /// <summary>Entitlements requested, with the server's latest answer for each.</summary>
    public IReadOnlyList<EntitlementState> Entitlements { get; init; } = [];

    /// <summary>The permanent license reservation: request, installed authorization or return; null when there is none.</summary>
    public ReservationState? Reservation { get; init; }
}

/// <summary>Outcome of one agent command.</summary>
/// <param name="Succeeded">Whether the exchange succeeded.</param>
/// <param name="FailureCode">Stable code of the failure reason, null on success.</param>
/// <param name="FailureMessage">Failure reason for people, null on success.</param>
public sealed record AgentResult(bool Succeeded, string? FailureCode = null, string? FailureMessage = null)
{
    /// <summary>The result of a successful exchange.</summary>
    public static AgentResult Success { get; } = new(true);
}
