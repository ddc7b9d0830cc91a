using SmartLicensing.Agent.Tests.Fakes;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Agent.Tests.Registration;

/// <summary>Registration failures that may pass are retried on a back-off schedule; rejections are final.</summary>
public sealed class RegistrationRetryTests
{
    private const string Token = "cmV0cnktdG9rZW4tZm9yLXRlc3Rz";

    [Fact]
    public async Task RegisterAsync_ServerUnreachable_SchedulesRetryAndKeepsTokenInStateFile()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        agent.SetTransport(new TransportSettings(AgentTestContext.UnreachableUrl()));

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        var state = agent.State;
        Assert.Equal(RegistrationStatus.RegistrationFailed, state.Registration);
        Assert.Equal(FailureReasons.CommunicationFailed.Code, state.LastRegistrationAttempt?.FailureCode);
        Assert.Equal(AgentTestContext.Start.AddMinutes(15), state.NextRegistrationAttempt);
        Assert.Equal(AgentTestContext.Start.AddMinutes(15), agent.NextDueTime);
        Assert.Contains(Token, await File.ReadAllTextAsync(context.StatePath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(context.StatePath));
        }

        var failed = Assert.Single(context.Events, e => e.Kind == AgentEventKind.RegistrationFailed);
        Assert.Contains("The next attempt is at", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDueWorkAsync_BeforeRetryTime_SendsNothing()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        agent.SetTransport(new TransportSettings(AgentTestContext.UnreachableUrl()));
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        agent.SetTransport(new TransportSettings(context.Server.Url));

        context.Time.Advance(TimeSpan.FromMinutes(14));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);

        Assert.Empty(context.Server.Received);
        Assert.Equal(RegistrationStatus.RegistrationFailed, agent.State.Registration);
    }

    [Fact]
    public async Task RunDueWorkAsync_RetryDueAfterRestart_RegistersWithStoredToken()
    {
        await using var context = await AgentTestContext.StartAsync();
        var first = context.CreateAgent();
        first.SetTransport(new TransportSettings(AgentTestContext.UnreachableUrl()));
        await first.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        first.Dispose();

        var agent = context.CreateAgent();
        context.Time.Advance(TimeSpan.FromMinutes(15));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);

        var register = Assert.IsType<RegisterRequest>(Assert.Single(context.Server.Received));
        Assert.Equal(Token, register.Token);
        var state = agent.State;
        Assert.Equal(RegistrationStatus.Registered, state.Registration);
        Assert.Null(state.NextRegistrationAttempt);
        Assert.DoesNotContain(Token, await File.ReadAllTextAsync(context.StatePath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDueWorkAsync_RetryFailsAgain_DoublesTheDelay()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        context.Server.Override = r => FakeLicenseServer.Error(r, FailureReasons.ServerUnavailable);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        context.Time.Advance(TimeSpan.FromMinutes(15));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, context.Server.Received.Count);
        Assert.Equal(AgentTestContext.Start.AddMinutes(15 + 30), agent.State.NextRegistrationAttempt);
        Assert.Equal(FailureReasons.ServerUnavailable.Code, agent.State.LastRegistrationAttempt?.FailureCode);
    }

    [Theory]
    [InlineData("token-expired")]
    [InlineData("token-revoked")]
    [InlineData("token-used-up")]
    [InlineData("token-malformed")]
    [InlineData("token-unknown")]
    [InlineData("already-registered")]
    public async Task RegisterAsync_TokenRejected_DropsTokenAndDoesNotRetry(string code)
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        context.Server.Override = r => FakeLicenseServer.Error(r, FailureReasons.Find(code)!);

        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        context.Time.Advance(TimeSpan.FromDays(2));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);

        Assert.Single(context.Server.Received);
        var state = agent.State;
        Assert.Equal(RegistrationStatus.RegistrationFailed, state.Registration);
        Assert.Equal(code, state.LastRegistrationAttempt?.FailureCode);
        Assert.Null(state.NextRegistrationAttempt);
        Assert.Null(agent.NextDueTime);
        Assert.DoesNotContain(Token, await File.ReadAllTextAsync(context.StatePath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_RejectedAfterTransientFailure_CancelsRetry()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        context.Server.Override = r => FakeLicenseServer.Error(r, FailureReasons.ServerUnavailable);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        context.Server.Override = r => FakeLicenseServer.Error(r, FailureReasons.TokenRevoked);
        context.Time.Advance(TimeSpan.FromMinutes(15));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        context.Time.Advance(TimeSpan.FromDays(2));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, context.Server.Received.Count);
        Assert.Null(agent.State.NextRegistrationAttempt);
        Assert.Equal(FailureReasons.TokenRevoked.Code, agent.State.LastRegistrationAttempt?.FailureCode);
    }
}
