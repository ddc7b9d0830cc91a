using SmartLicensing.Agent.Tests.Fakes;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Agent.Tests.Authorization;

public sealed class EventWordingTests
{
    private const string Token = "ZmFrZS10b2tlbi1mb3ItdGVzdHM=";

    [Fact]
    public async Task RenewAuthorizationAsync_NotRegisteredAnswer_AdviceGivenOnce()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        context.Server.Override = r => FakeLicenseServer.Error(r, FailureReasons.NotRegistered);

        await agent.RenewAuthorizationAsync(TestContext.Current.CancellationToken);

        var removed = Assert.Single(context.Events, e => e.Kind == AgentEventKind.RegistrationRemoved);
        var advice = "Register it again with a registration token.";
        Assert.Equal(removed.Message.IndexOf(advice, StringComparison.Ordinal), removed.Message.LastIndexOf(advice, StringComparison.Ordinal));
        Assert.Contains(advice, removed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewAuthorizationAsync_OutOfCompliance_NamesShortTag()
    {
        await using var context = await AgentTestContext.StartAsync();
        context.Server.EntitlementStatuses[AgentTestContext.Strong.Tag] = EntitlementStatus.OutOfCompliance;
        var agent = context.CreateAgent(AgentTestContext.Standard, AgentTestContext.Strong);

        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        var outOfCompliance = Assert.Single(context.Events, e => e.Kind == AgentEventKind.OutOfCompliance);
        Assert.EndsWith($"lacks licenses for SHORT-{AgentTestContext.Strong.Tag}.", outOfCompliance.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewAuthorizationAsync_ReasonWithoutFullStop_SentenceEndsBeforeNextAttempt()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        context.Server.Override = r => FakeLicenseServer.Error(r, FailureReasons.ServerUnavailable.WithMessage("Connection refused"));

        await agent.RenewAuthorizationAsync(TestContext.Current.CancellationToken);

        var failed = Assert.Single(context.Events, e => e.Kind == AgentEventKind.AuthorizationRenewFailed);
        Assert.Contains("Connection refused. The next attempt is at ", failed.Message, StringComparison.Ordinal);
    }
}
