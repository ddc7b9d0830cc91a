using SmartLicensing.Agent.Tests.Fakes;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Agent.Tests.Scheduling;

public sealed class DueWorkTests
{
    private const string Token = "ZmFrZS10b2tlbi1mb3ItdGVzdHM=";

    [Fact]
    public async Task RunDueWorkAsync_After30Days_RenewsAuthorization()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        Assert.Equal(AgentTestContext.Start.AddDays(30), agent.NextDueTime);

        context.Time.Advance(TimeSpan.FromDays(29));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(AgentTestContext.Start, agent.State.AuthorizedAt);

        context.Time.Advance(TimeSpan.FromDays(1));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);

        var now = AgentTestContext.Start.AddDays(30);
        Assert.Equal(now, agent.State.AuthorizedAt);
        Assert.Equal(now.AddDays(30), agent.State.NextAuthorizationAttempt);
        Assert.Equal(now.AddDays(90), agent.State.AuthorizationExpires);
        Assert.Equal(2, context.Server.Received.OfType<AuthorizationRequest>().Count());
    }

    [Fact]
    public async Task RunDueWorkAsync_After90DaysOffline_AuthorizationExpired()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        agent.SetTransport(new TransportSettings(AgentTestContext.UnreachableUrl()));

        context.Time.Advance(TimeSpan.FromDays(30));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(AuthorizationStatus.Authorized, agent.State.Authorization);
        Assert.Equal(FailureReasons.CommunicationFailed.Code, agent.State.LastAuthorizationAttempt?.FailureCode);

        context.Time.Advance(TimeSpan.FromDays(60));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);

        Assert.Equal(AuthorizationStatus.AuthorizationExpired, agent.State.Authorization);
        Assert.Equal(RegistrationStatus.Registered, agent.State.Registration);
        var expired = Assert.Single(context.Events, e => e.Kind == AgentEventKind.AuthorizationExpired);
        Assert.Equal(AgentTestContext.Start.AddDays(90), expired.Time);
    }

    [Fact]
    public async Task RunDueWorkAsync_RepeatedFailures_DoublesDelay()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        agent.SetTransport(new TransportSettings(AgentTestContext.UnreachableUrl()));
        context.Time.Advance(TimeSpan.FromDays(30));

        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        var firstFailure = context.Time.GetUtcNow();
        Assert.Equal(firstFailure.AddMinutes(15), agent.State.NextAuthorizationAttempt);
        Assert.Equal(firstFailure.AddMinutes(15), agent.NextDueTime);

        context.Time.Advance(TimeSpan.FromMinutes(15));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(context.Time.GetUtcNow().AddMinutes(30), agent.State.NextAuthorizationAttempt);

        context.Time.Advance(TimeSpan.FromMinutes(30));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(context.Time.GetUtcNow().AddMinutes(60), agent.State.NextAuthorizationAttempt);
        Assert.Equal(3, context.Events.Count(e => e.Kind == AgentEventKind.AuthorizationRenewFailed));

        agent.SetTransport(new TransportSettings(context.Server.Url));
        context.Time.Advance(TimeSpan.FromMinutes(60));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.Equal(context.Time.GetUtcNow().AddDays(30), agent.State.NextAuthorizationAttempt);
        Assert.True(agent.State.LastAuthorizationAttempt?.Succeeded);
    }

    [Fact]
    public async Task RunDueWorkAsync_NothingDue_SendsNothing()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        var sent = context.Server.Received.Count;

        context.Time.Advance(TimeSpan.FromDays(10));
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);

        Assert.Equal(sent, context.Server.Received.Count);
    }

    [Fact]
    public async Task RunDueWorkAsync_After6Months_RenewsIdCertificate()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        var firstSerial = agent.State.CertificateSerial;

        context.Time.Advance(FakeLicenseServer.IdCertificateRenewAfter);
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);

        var now = context.Time.GetUtcNow();
        Assert.IsType<IdCertificateRenewalRequest>(context.Server.Received.Last());
        Assert.NotEqual(firstSerial, agent.State.CertificateSerial);
        Assert.Equal(now + FakeLicenseServer.IdCertificateLifetime, agent.State.RegistrationExpires);
        Assert.Equal(now + FakeLicenseServer.IdCertificateRenewAfter, agent.State.NextIdRenewal);
        Assert.Equal(new AttemptRecord(now, true), agent.State.LastIdRenewalAttempt);
        Assert.Equal(AgentTestContext.Start, agent.State.RegisteredAt);
        Assert.Contains(AgentEventKind.IdCertificateRenewed, context.EventKinds());

        // The renewed certificate's serial is the kid the server now expects.
        agent.SetRequestedEntitlements([AgentTestContext.Standard]);
        var result = await agent.RenewAuthorizationAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public async Task RenewIdCertificateAsync_ServerUnreachable_SchedulesRetry()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        agent.SetTransport(new TransportSettings(AgentTestContext.UnreachableUrl()));

        var result = await agent.RenewIdCertificateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.CommunicationFailed.Code, result.FailureCode);
        Assert.Equal(AgentTestContext.Start.AddMinutes(15), agent.State.NextIdRenewal);
        Assert.Equal(FailureReasons.CommunicationFailed.Code, agent.State.LastIdRenewalAttempt?.FailureCode);
        Assert.Contains(AgentEventKind.IdCertificateRenewFailed, context.EventKinds());
    }

    [Fact]
    public async Task RunDueWorkAsync_CertificateExpired_RegistrationExpired()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        agent.SetTransport(new TransportSettings(AgentTestContext.UnreachableUrl()));

        context.Time.Advance(FakeLicenseServer.IdCertificateLifetime);
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);

        Assert.Equal(RegistrationStatus.RegistrationExpired, agent.State.Registration);
        Assert.Equal(AuthorizationStatus.None, agent.State.Authorization);
        Assert.Null(agent.State.CertificateSerial);
        Assert.Null(agent.NextDueTime);
        Assert.Contains(AgentEventKind.RegistrationExpired, context.EventKinds());
    }
}
