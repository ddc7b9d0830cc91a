using SmartLicensing.Agent;
using SmartLicensing.Asa.Show;
using SmartLicensing.Asa.Tests.Fakes;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Tests.Clock;

/// <summary>The date fields and state words of the show output once deadlines have passed.</summary>
public sealed class ExpiredStateShowTests
{
    private static readonly DateTimeOffset Authorized = AgentStates.Authorized;

    [Fact]
    public void LicenseAll_AuthorizationExpired_ShowsDeadlineFailureAndRetry()
    {
        var failedAt = Authorized.AddDays(90).AddMinutes(-15);
        var state = AgentStates.RegisteredAuthorized1G with
        {
            Authorization = AuthorizationStatus.AuthorizationExpired,
            LastAuthorizationAttempt = new AttemptRecord(failedAt, false, "communication-failed", "Could not reach the license server."),
            NextAuthorizationAttempt = failedAt.AddHours(24),
        };

        var text = LicenseAllRenderer.Render(LicenseView.Create(state, "PID:ASAv,SN:9AHV3KJBEKE", "1.0.0_smartlic", CatalogLoader.BuiltIn));

        Assert.Contains("  Status: AUTHORIZATION EXPIRED on May 11 2023 11:28:05 UTC\n", text, StringComparison.Ordinal);
        Assert.Contains("  Last Communication Attempt: FAILED on May 11 2023 11:13:05 UTC\n    Failure reason: Could not reach the license server.\n", text, StringComparison.Ordinal);
        Assert.Contains("  Next Communication Attempt: May 12 2023 11:13:05 UTC\n", text, StringComparison.Ordinal);
        Assert.Contains("  Communication Deadline: May 11 2023 11:28:05 UTC\n", text, StringComparison.Ordinal);
        Assert.Contains("AUTHORIZATION EXPIRED", text[text.IndexOf("License Usage", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void LicenseStatus_RegistrationExpired_ShowsWordAndDate()
    {
        var state = new AgentState
        {
            Registration = RegistrationStatus.RegistrationExpired,
            RegistrationExpires = AgentStates.Registered.AddDays(365),
            Entitlements = [new EntitlementState(AgentStates.StandardTag1G, 1, EntitlementStatus.Authorized, null, null)],
        };

        var text = LicenseStatusRenderer.Render(LicenseView.Create(state, "PID:ASAv,SN:9AHV3KJBEKE", "1.0.0_smartlic", CatalogLoader.BuiltIn));

        Assert.Contains("  Status: REGISTRATION EXPIRED\n", text, StringComparison.Ordinal);
        Assert.Contains("  Registration Expired: Feb 10 2024 11:27:20 UTC\n", text, StringComparison.Ordinal);
        Assert.Contains("  Status: No Licenses in Use\n", text, StringComparison.Ordinal);
    }
}
