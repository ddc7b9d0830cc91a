using SmartLicensing.Agent;
using SmartLicensing.Asa.Show;
using SmartLicensing.Asa.Tests.Fakes;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Tests.Clock;

/// <summary>The "on" date of the authorization state is when the state began, not the last failed attempt.</summary>
public sealed class StateSinceShowTests
{
    [Theory]
    [InlineData(AuthorizationStatus.Authorized, "AUTHORIZED")]
    [InlineData(AuthorizationStatus.OutOfCompliance, "OUT OF COMPLIANCE")]
    public void LicenseAll_FailedAttemptAfterAnswer_DateIsLastAnswer(AuthorizationStatus status, string word)
    {
        var failedAt = AgentStates.Authorized.AddDays(31);
        var state = AgentStates.RegisteredAuthorized1G with
        {
            Authorization = status,
            LastAuthorizationAttempt = new AttemptRecord(failedAt, false, "clock-skew", "The device clock differs from the server clock."),
            NextAuthorizationAttempt = failedAt.AddHours(1),
        };

        var text = LicenseAllRenderer.Render(LicenseView.Create(state, "PID:ASAv,SN:9AHV3KJBEKE", "1.0.0_smartlic", CatalogLoader.BuiltIn));

        Assert.Contains($"  Status: {word} on {ShowText.AgentDate(AgentStates.Authorized)}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"  Status: {word} on {ShowText.AgentDate(failedAt)}\n", text, StringComparison.Ordinal);
    }
}
