namespace SmartLicensing.Agent;

/// <summary>Registration state words, as devices print them.</summary>
public enum RegistrationStatus
{
    Unregistered,
    Registering,
    Registered,
    RegistrationFailed,
    RegistrationExpired,
}

/// <summary>Overall authorization (enforcement) state, as devices print them.</summary>
public enum AuthorizationStatus
{
    /// <summary>Nothing requested yet, or not registered.</summary>
    None,

    /// <summary>Registered and an authorization request is outstanding.</summary>
    Waiting,
    Authorized,
    OutOfCompliance,
    AuthorizationExpired,
    InvalidTag,
    NotAuthorized,
}

/// <summary>Outcome of the latest attempt of one kind of exchange.</summary>
/// <param name="Time">When the attempt was made.</param>
/// <param name="Succeeded">Whether it succeeded.</param>
/// <param name="FailureCode">Stable code of the failure reason, null on success.</param>
/// <param name="FailureMessage">Failure reason for people, null on success.</param>
public sealed record AttemptRecord(DateTimeOffset Time, bool Succeeded, string? FailureCode = null, string? FailureMessage = null);

/// <summary>One entitlement the device uses and what the server last said of it.</summary>
public sealed record EntitlementState(
    string Tag,
    int Count,
    Protocol.Messages.EntitlementStatus? Status,
    string? DisplayName,
    string? ShortTag);

/// <summary>An immutable snapshot of everything the agent knows; read it for show output.</summary>
public sealed record AgentState
{
    public RegistrationStatus Registration { get; init; } = RegistrationStatus.Unregistered;

    public AuthorizationStatus Authorization { get; init; } = AuthorizationStatus.None;

    public string? SmartAccount { get; init; }

    public string? VirtualAccount { get; init; }

    /// <summary>Export-controlled functionality allowed by the registration token.</summary>
    public bool ExportControlledAllowed { get; init; }

    /// <summary>Strong encryption authorized by the latest authorization answer.</summary>
    public bool ExportAuthorized { get; init; }

    /// <summary>Time of the first successful registration with the current ID certificate.</summary>
    public DateTimeOffset? RegisteredAt { get; init; }

    /// <summary>Latest registration attempt (register, and force re-register).</summary>
    public AttemptRecord? LastRegistrationAttempt { get; init; }

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
}

/// <summary>Outcome of one agent command.</summary>
/// <param name="Succeeded">Whether the exchange succeeded.</param>
/// <param name="FailureCode">Stable code of the failure reason, null on success.</param>
/// <param name="FailureMessage">Failure reason for people, null on success.</param>
public sealed record AgentResult(bool Succeeded, string? FailureCode = null, string? FailureMessage = null)
{
    public static AgentResult Success { get; } = new(true);
}
