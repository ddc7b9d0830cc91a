namespace SmartLicensing.Agent;

/// <summary>Something the agent did that a device reports (as a syslog line on an ASA).</summary>
/// <param name="Time">When it happened, by the agent's clock.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Message">Text for people, with the failure reason where there is one.</param>
public sealed record AgentEvent(DateTimeOffset Time, AgentEventKind Kind, string Message);

/// <summary>Agent events; failures are errors, the rest informational.</summary>
public enum AgentEventKind
{
    /// <summary>The device registered and has an ID certificate.</summary>
    RegistrationSucceeded,

    /// <summary>A registration attempt failed; the message gives the reason.</summary>
    RegistrationFailed,

    /// <summary>The server answered an authorization request (whatever the entitlement statuses).</summary>
    AuthorizationRenewed,

    /// <summary>An authorization request failed; a retry is scheduled unless the registration was dropped.</summary>
    AuthorizationRenewFailed,

    /// <summary>The ID certificate was renewed.</summary>
    IdCertificateRenewed,

    /// <summary>An ID certificate renewal failed; a retry is scheduled unless the registration was dropped.</summary>
    IdCertificateRenewFailed,

    /// <summary>The server confirmed the deregistration.</summary>
    Deregistered,

    /// <summary>The server could not confirm the deregistration; the local registration was removed anyway.</summary>
    DeregistrationFailed,

    /// <summary>The authorization answer has at least one entitlement out of compliance.</summary>
    OutOfCompliance,

    /// <summary>The authorization was not renewed before its expiry time.</summary>
    AuthorizationExpired,

    /// <summary>The ID certificate expired, or the server reported it expired; the device is no longer registered.</summary>
    RegistrationExpired,

    /// <summary>The server could not be reached or its TLS certificate was rejected.</summary>
    CommunicationFailed,

    /// <summary>Export-controlled functionality became allowed (by the token or by an authorization).</summary>
    ExportControlledAllowed,

    /// <summary>The server no longer knows the registration (not registered, or unknown ID certificate); the device dropped to unregistered.</summary>
    RegistrationRemoved,

    /// <summary>A permanent license reservation authorization code was installed.</summary>
    ReservationInstalled,

    /// <summary>The installed reservation was given up and a return code made.</summary>
    ReservationReturned,
}
