using SmartLicensing.Agent.Tests.Fakes;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Agent.Tests.Timeline;

/// <summary>Each deadline of the agent one second before it and exactly at it, on a fake clock.</summary>
public sealed class BoundaryTests
{
    private const string Token = "ZmFrZS10b2tlbi1mb3ItdGVzdHM=";

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RunDueWorkAsync_OneSecondBeforeAndAt30Days_RenewsAuthorizationOnlyAt30Days()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = await RegisterAsync(context);

        context.Time.SetUtcNow(AgentTestContext.Start.AddDays(30) - OneSecond);
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Single(context.Server.Received.OfType<AuthorizationRequest>());

        context.Time.SetUtcNow(AgentTestContext.Start.AddDays(30));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, context.Server.Received.OfType<AuthorizationRequest>().Count());
        Assert.Equal(AgentTestContext.Start.AddDays(60), agent.State.NextAuthorizationAttempt);
        Assert.Equal(AgentTestContext.Start.AddDays(120), agent.State.AuthorizationExpires);
    }

    [Fact]
    public async Task RunDueWorkAsync_OfflineOneSecondBeforeAndAt90Days_ExpiresOnlyAt90Days()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = await RegisterAsync(context);
        agent.SetTransport(new TransportSettings(AgentTestContext.UnreachableUrl()));

        context.Time.SetUtcNow(AgentTestContext.Start.AddDays(90) - OneSecond);
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(AuthorizationStatus.Authorized, agent.State.Authorization);
        Assert.Equal(FailureReasons.CommunicationFailed.Code, agent.State.LastAuthorizationAttempt?.FailureCode);

        // The retry is never planned past the deadline it protects.
        Assert.Equal(AgentTestContext.Start.AddDays(90), agent.State.NextAuthorizationAttempt);

        context.Time.SetUtcNow(AgentTestContext.Start.AddDays(90));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(AuthorizationStatus.AuthorizationExpired, agent.State.Authorization);
        Assert.Equal(AgentTestContext.Start.AddDays(90), agent.State.AuthorizationExpires);
        Assert.Single(context.Events, e => e.Kind == AgentEventKind.AuthorizationExpired);
    }

    [Fact]
    public async Task RunDueWorkAsync_ExpiredThenServerReachable_AuthorizedAgainAtNextRetry()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = await RegisterAsync(context);
        agent.SetTransport(new TransportSettings(AgentTestContext.UnreachableUrl()));
        context.Time.SetUtcNow(AgentTestContext.Start.AddDays(91));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(AuthorizationStatus.AuthorizationExpired, agent.State.Authorization);
        var retry = agent.State.NextAuthorizationAttempt;
        Assert.NotNull(retry);
        Assert.True(retry > context.Time.GetUtcNow());

        agent.SetTransport(new TransportSettings(context.Server.Url));
        context.Time.SetUtcNow(retry.Value);
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);

        Assert.Equal(AuthorizationStatus.Authorized, agent.State.Authorization);
        Assert.Equal(retry.Value.AddDays(90), agent.State.AuthorizationExpires);
    }

    [Fact]
    public async Task RunDueWorkAsync_OneSecondBeforeAndAtSixMonths_RenewsIdCertificateOnlyAtSixMonths()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        var sixMonths = AgentTestContext.Start + FakeLicenseServer.IdCertificateRenewAfter;
        Assert.Equal(sixMonths, agent.State.NextIdRenewal);

        context.Time.SetUtcNow(sixMonths - OneSecond);
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Empty(context.Server.Received.OfType<IdCertificateRenewalRequest>());

        context.Time.SetUtcNow(sixMonths);
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Single(context.Server.Received.OfType<IdCertificateRenewalRequest>());
        Assert.Equal(sixMonths + FakeLicenseServer.IdCertificateLifetime, agent.State.RegistrationExpires);
    }

    [Fact]
    public async Task RunDueWorkAsync_OfflineOneSecondBeforeAndAtOneYear_RegistrationExpiresOnlyAtOneYear()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = await RegisterAsync(context);
        agent.SetTransport(new TransportSettings(AgentTestContext.UnreachableUrl()));
        var oneYear = AgentTestContext.Start + FakeLicenseServer.IdCertificateLifetime;
        Assert.Equal(oneYear, agent.State.RegistrationExpires);

        context.Time.SetUtcNow(oneYear - OneSecond);
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(RegistrationStatus.Registered, agent.State.Registration);
        Assert.Equal(FailureReasons.CommunicationFailed.Code, agent.State.LastIdRenewalAttempt?.FailureCode);
        Assert.Equal(oneYear, agent.State.NextIdRenewal);

        context.Time.SetUtcNow(oneYear);
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(RegistrationStatus.RegistrationExpired, agent.State.Registration);
        Assert.Equal(AuthorizationStatus.None, agent.State.Authorization);
        Assert.Single(context.Events, e => e.Kind == AgentEventKind.RegistrationExpired);
    }

    [Fact]
    public async Task RunDueWorkAsync_AfterFailureAtSameTime_SendsNothingUntilRetryTime()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = await RegisterAsync(context);
        var failures = 0;
        context.Server.Override = request =>
        {
            if (request is not AuthorizationRequest)
            {
                return null;
            }

            failures++;
            return FakeLicenseServer.Error(request, FailureReasons.ServerUnavailable);
        };
        context.Time.SetUtcNow(AgentTestContext.Start.AddDays(30));

        for (var i = 0; i < 5; i++)
        {
            await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, failures);
        Assert.Equal(AgentTestContext.Start.AddDays(30).AddMinutes(15), agent.State.NextAuthorizationAttempt);
        Assert.Equal(FailureReasons.ServerUnavailable.Code, agent.State.LastAuthorizationAttempt?.FailureCode);
        Assert.False(string.IsNullOrEmpty(agent.State.LastAuthorizationAttempt?.FailureMessage));

        context.Time.SetUtcNow(AgentTestContext.Start.AddDays(30).AddMinutes(15) - OneSecond);
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, failures);

        context.Time.SetUtcNow(AgentTestContext.Start.AddDays(30).AddMinutes(15));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, failures);
        Assert.Equal(context.Time.GetUtcNow().AddMinutes(30), agent.State.NextAuthorizationAttempt);
    }

    [Fact]
    public async Task RenewAuthorizationAsync_AnyTime_RenewsAtOnceAndRestartsThe30Days()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = await RegisterAsync(context);
        context.Time.SetUtcNow(AgentTestContext.Start.AddDays(3));

        var result = await agent.RenewAuthorizationAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(AgentTestContext.Start.AddDays(33), agent.State.NextAuthorizationAttempt);
        Assert.Equal(AgentTestContext.Start.AddDays(93), agent.State.AuthorizationExpires);
    }

    private static async Task<SmartAgent> RegisterAsync(AgentTestContext context)
    {
        var agent = context.CreateAgent(AgentTestContext.Standard);
        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(AuthorizationStatus.Authorized, agent.State.Authorization);
        return agent;
    }
}
