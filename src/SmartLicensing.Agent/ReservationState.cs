namespace SmartLicensing.Agent;

/// <summary>Stage of a permanent license reservation on the device.</summary>
public enum ReservationStage
{
    /// <summary>A request code was made; its authorization code is not installed yet.</summary>
    Requested,

    /// <summary>The authorization code is installed; the device is licensed without a server.</summary>
    Installed,

    /// <summary>The license was given back; the return code can be shown again until a new request.</summary>
    Returned,
}

/// <summary>The device's permanent license reservation, as the agent keeps it across restarts.</summary>
/// <param name="Stage">Where the reservation stands.</param>
/// <param name="EntitlementTag">The reservation entitlement requested (for example the universal entitlement of a model).</param>
/// <param name="RequestCode">The request code; the same text is shown each time it is asked for.</param>
/// <param name="RequestedAt">When the request code was made.</param>
public sealed record ReservationState(ReservationStage Stage, string EntitlementTag, string RequestCode, DateTimeOffset RequestedAt)
{
    /// <summary>The installed authorization code, once installed.</summary>
    public string? AuthorizationCode { get; init; }

    /// <summary>The confirmation code printed at install.</summary>
    public string? ConfirmationCode { get; init; }

    /// <summary>When the authorization code was installed.</summary>
    public DateTimeOffset? InstalledAt { get; init; }

    /// <summary>Strong encryption is enabled by the authorization code.</summary>
    public bool ExportAllowed { get; init; }

    /// <summary>The return code, once the license was returned.</summary>
    public string? ReturnCode { get; init; }

    /// <summary>When the license was returned.</summary>
    public DateTimeOffset? ReturnedAt { get; init; }
}

/// <summary>Outcome of a reservation command: the code to show, or why it failed.</summary>
/// <param name="Succeeded">Whether the command succeeded.</param>
/// <param name="Code">The request, confirmation or return code to show; null on failure.</param>
/// <param name="FailureCode">Stable code of the failure reason, null on success.</param>
/// <param name="FailureMessage">Failure reason for people, null on success.</param>
public sealed record ReservationResult(bool Succeeded, string? Code = null, string? FailureCode = null, string? FailureMessage = null);
