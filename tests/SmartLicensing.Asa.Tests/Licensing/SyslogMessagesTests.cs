using SmartLicensing.Agent;
using SmartLicensing.Asa.Licensing;

namespace SmartLicensing.Asa.Tests.Licensing;

public sealed class SyslogMessagesTests
{
    private static readonly DateTimeOffset Time = new(2023, 2, 10, 11, 27, 20, TimeSpan.Zero);

    [Fact]
    public void Format_Failure_UsesSeverity3Message444303()
    {
        var line = SyslogMessages.Format(new AgentEvent(Time, AgentEventKind.RegistrationFailed, "The registration token has expired."));

        Assert.Equal("%ASA-3-444303: %SMART_LIC-3-AGENT_REG_FAILED: The registration token has expired.", line);
    }

    [Theory]
    [InlineData(AgentEventKind.RegistrationSucceeded, "%ASA-6-444306: %SMART_LIC-6-AGENT_REG_SUCCESS: ")]
    [InlineData(AgentEventKind.AuthorizationRenewed, "%ASA-6-444306: %SMART_LIC-6-AUTH_RENEW_SUCCESS: ")]
    [InlineData(AgentEventKind.AuthorizationRenewFailed, "%ASA-3-444303: %SMART_LIC-3-AUTH_RENEW_FAILED: ")]
    [InlineData(AgentEventKind.IdCertificateRenewed, "%ASA-6-444306: %SMART_LIC-6-ID_CERT_RENEW_SUCCESS: ")]
    [InlineData(AgentEventKind.IdCertificateRenewFailed, "%ASA-3-444303: %SMART_LIC-3-ID_CERT_RENEW_FAILED: ")]
    [InlineData(AgentEventKind.OutOfCompliance, "%ASA-3-444303: %SMART_LIC-3-OUT_OF_COMPLIANCE: ")]
    [InlineData(AgentEventKind.AuthorizationExpired, "%ASA-3-444303: %SMART_LIC-3-AUTH_EXPIRED: ")]
    [InlineData(AgentEventKind.RegistrationExpired, "%ASA-3-444303: %SMART_LIC-3-ID_CERT_EXPIRED: ")]
    [InlineData(AgentEventKind.Deregistered, "%ASA-6-444306: %SMART_LIC-6-AGENT_DEREG_SUCCESS: ")]
    [InlineData(AgentEventKind.CommunicationFailed, "%ASA-3-444303: %SMART_LIC-3-COMM_FAILED: ")]
    public void Format_EachKind_HasItsMnemonic(AgentEventKind kind, string prefix)
    {
        var line = SyslogMessages.Format(new AgentEvent(Time, kind, "details"));

        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_EmptyMessage_UsesFixedText()
    {
        var line = SyslogMessages.Format(new AgentEvent(Time, AgentEventKind.CommunicationFailed, " "));

        Assert.Equal("%ASA-3-444303: %SMART_LIC-3-COMM_FAILED: Communication with the license server failed", line);
    }

    [Fact]
    public void Format_EveryKind_IsNamed()
    {
        foreach (var kind in Enum.GetValues<AgentEventKind>())
        {
            Assert.DoesNotContain("AGENT_EVENT", SyslogMessages.Format(new AgentEvent(Time, kind, "")), StringComparison.Ordinal);
        }
    }
}
