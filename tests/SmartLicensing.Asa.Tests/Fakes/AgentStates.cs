using SmartLicensing.Agent;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Tests.Fakes;

/// <summary>Agent state snapshots at fixed times, for show output tests.</summary>
internal static class AgentStates
{
    public const string StandardTag1G = "regid.2014-08.com.cisco.ASAv-STD-1G,1.0_5c4abf17-2b9a-48a5-9b83-af05b8e9dbb6";

    public static readonly DateTimeOffset Registered = new(2023, 2, 10, 11, 27, 20, TimeSpan.Zero);

    public static readonly DateTimeOffset Authorized = new(2023, 2, 10, 11, 28, 5, TimeSpan.Zero);

    public static AgentState Unregistered { get; } = new();

    public static AgentState RegisteredAuthorized(IReadOnlyList<EntitlementRequest> entitlements) => new()
    {
        Registration = RegistrationStatus.Registered,
        Authorization = entitlements.Count == 0 ? AuthorizationStatus.None : AuthorizationStatus.Authorized,
        SmartAccount = "Lab Networks",
        VirtualAccount = "DEFAULT",
        ExportControlledAllowed = true,
        ExportAuthorized = true,
        RegisteredAt = Registered,
        LastRegistrationAttempt = new AttemptRecord(Registered, true),
        NextIdRenewal = Registered.AddDays(180),
        RegistrationExpires = Registered.AddDays(365),
        CertificateSerial = "3A1F",
        CertificateNotBefore = Registered,
        AuthorizedAt = entitlements.Count == 0 ? null : Authorized,
        LastAuthorizationAttempt = entitlements.Count == 0 ? null : new AttemptRecord(Authorized, true),
        NextAuthorizationAttempt = entitlements.Count == 0 ? null : Authorized.AddDays(30),
        AuthorizationExpires = entitlements.Count == 0 ? null : Authorized.AddDays(90),
        Entitlements = [.. entitlements.Select(e => new EntitlementState(
            e.Tag, e.Count, entitlements.Count == 0 ? null : EntitlementStatus.Authorized, "ASAv10 Standard - 1G", "ASAv-STD-1G"))],
    };

    public static AgentState RegisteredAuthorized1G { get; } = RegisteredAuthorized([new EntitlementRequest(StandardTag1G, 1)]);

    public static AgentState RegistrationFailed { get; } = new()
    {
        Registration = RegistrationStatus.RegistrationFailed,
        LastRegistrationAttempt = new AttemptRecord(
            Registered, false, "token-expired", "The registration token has expired. Create a new token in the virtual account."),
    };

    /// <summary>The license server could not be reached at registration; the agent retries 15 minutes later.</summary>
    public static AgentState RegistrationFailedRetrying { get; } = new()
    {
        Registration = RegistrationStatus.RegistrationFailed,
        LastRegistrationAttempt = new AttemptRecord(
            Registered, false, "communication-failed", "Could not reach the license server: the connection was refused."),
        NextRegistrationAttempt = Registered.AddMinutes(15),
    };

    /// <summary>Registered and authorized once, then the virtual account ran short of licenses at the renewal; strong encryption stays.</summary>
    public static AgentState OutOfCompliance { get; } = RegisteredAuthorized1G with
    {
        Authorization = AuthorizationStatus.OutOfCompliance,
        AuthorizedAt = Authorized.AddDays(30),
        LastAuthorizationAttempt = new AttemptRecord(Authorized.AddDays(30), true),
        NextAuthorizationAttempt = Authorized.AddDays(60),
        AuthorizationExpires = Authorized.AddDays(120),
        Entitlements = [new EntitlementState(StandardTag1G, 1, EntitlementStatus.OutOfCompliance, "ASAv10 Standard - 1G", "ASAv-STD-1G")],
    };

    /// <summary>Registered, with the latest ID certificate renewal failed and the license server unreachable.</summary>
    public static AgentState RenewalFailed { get; } = RegisteredAuthorized1G with
    {
        LastIdRenewalAttempt = new AttemptRecord(Registered.AddDays(180), false, "communication-failed", "Could not reach the license server."),
        NextIdRenewal = Registered.AddDays(181),
    };
}
