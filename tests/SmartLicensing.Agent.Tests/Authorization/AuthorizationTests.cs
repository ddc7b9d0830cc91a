using SmartLicensing.Agent.Tests.Fakes;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Agent.Tests.Authorization;

public sealed class AuthorizationTests
{
    private const string Token = "ZmFrZS10b2tlbi1mb3ItdGVzdHM=";

    [Fact]
    public async Task RenewAuthorizationAsync_NotRegistered_FailsWithoutSending()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);

        var result = await agent.RenewAuthorizationAsync(TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.NotRegistered.Code, result.FailureCode);
        Assert.Empty(context.Server.Received);
    }

    [Fact]
    public async Task RenewAuthorizationAsync_Registered_SendsEntitlements()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard, AgentTestContext.Strong);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        context.Time.Advance(TimeSpan.FromDays(1));

        var result = await agent.RenewAuthorizationAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureMessage);
        var request = Assert.IsType<AuthorizationRequest>(context.Server.Received.Last());
        Assert.Equal(new[] { AgentTestContext.Standard, AgentTestContext.Strong }, request.Entitlements);
        var now = AgentTestContext.Start.AddDays(1);
        Assert.Equal(now, agent.State.AuthorizedAt);
        Assert.Equal(now.AddDays(30), agent.State.NextAuthorizationAttempt);
        Assert.Equal(now.AddDays(90), agent.State.AuthorizationExpires);
        Assert.Equal(new AttemptRecord(now, true), agent.State.LastAuthorizationAttempt);
    }

    [Fact]
    public async Task RenewAuthorizationAsync_OneOutOfCompliance_OutOfCompliance()
    {
        await using var context = await AgentTestContext.StartAsync();
        context.Server.EntitlementStatuses[AgentTestContext.Strong.Tag] = EntitlementStatus.OutOfCompliance;
        var agent = context.CreateAgent(AgentTestContext.Standard, AgentTestContext.Strong);

        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.Equal(AuthorizationStatus.OutOfCompliance, agent.State.Authorization);
        Assert.Equal(EntitlementStatus.Authorized, agent.State.Entitlements[0].Status);
        Assert.Equal(EntitlementStatus.OutOfCompliance, agent.State.Entitlements[1].Status);
        var outOfCompliance = Assert.Single(context.Events, e => e.Kind == AgentEventKind.OutOfCompliance);
        Assert.Contains(AgentTestContext.Strong.Tag, outOfCompliance.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EntitlementStatus.InvalidTag, AuthorizationStatus.InvalidTag)]
    [InlineData(EntitlementStatus.NotAuthorized, AuthorizationStatus.NotAuthorized)]
    [InlineData(EntitlementStatus.Authorized, AuthorizationStatus.Authorized)]
    public async Task RenewAuthorizationAsync_EntitlementStatus_SetsOverallStatus(EntitlementStatus answered, AuthorizationStatus expected)
    {
        await using var context = await AgentTestContext.StartAsync();
        context.Server.EntitlementStatuses[AgentTestContext.Strong.Tag] = answered;
        var agent = context.CreateAgent(AgentTestContext.Standard, AgentTestContext.Strong);

        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.Equal(expected, agent.State.Authorization);
    }

    [Fact]
    public async Task RenewAuthorizationAsync_EntitlementOmitted_KeepsStatus()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard, AgentTestContext.Strong);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        context.Server.Override = request => request is AuthorizationRequest
            ? new AuthorizationResponse
            {
                RequestNonce = request.Nonce,
                IssuedAt = context.Time.GetUtcNow(),
                Entitlements = [new EntitlementAuthorization { Tag = AgentTestContext.Strong.Tag, Count = 1, Status = EntitlementStatus.NotAuthorized }],
                ExportAuthorized = false,
                AuthorizedAt = context.Time.GetUtcNow(),
                RenewAfter = context.Time.GetUtcNow().AddDays(30),
                ExpiresAt = context.Time.GetUtcNow().AddDays(90),
            }
            : null;

        var result = await agent.RenewAuthorizationAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(EntitlementStatus.Authorized, agent.State.Entitlements[0].Status);
        Assert.Equal(EntitlementStatus.NotAuthorized, agent.State.Entitlements[1].Status);
        Assert.Equal(AuthorizationStatus.NotAuthorized, agent.State.Authorization);
        Assert.False(agent.State.ExportAuthorized);
    }

    [Fact]
    public async Task RenewAuthorizationAsync_UnknownCertificate_Unregisters()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        context.Server.Override = r => FakeLicenseServer.Error(r, FailureReasons.UnknownCertificate);

        var result = await agent.RenewAuthorizationAsync(TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.UnknownCertificate.Code, result.FailureCode);
        Assert.Equal(RegistrationStatus.Unregistered, agent.State.Registration);
        Assert.Equal(AuthorizationStatus.None, agent.State.Authorization);
        Assert.Null(agent.State.CertificateSerial);
        Assert.Equal(FailureReasons.UnknownCertificate.Code, agent.State.LastAuthorizationAttempt?.FailureCode);
        Assert.Contains(AgentEventKind.RegistrationRemoved, context.EventKinds());
    }

    [Fact]
    public async Task SetRequestedEntitlements_Changed_AuthorizationDueNow()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        context.Time.Advance(TimeSpan.FromHours(2));

        agent.SetRequestedEntitlements([AgentTestContext.Standard, AgentTestContext.Strong]);

        Assert.Equal(context.Time.GetUtcNow(), agent.State.NextAuthorizationAttempt);
        Assert.Equal(context.Time.GetUtcNow(), agent.NextDueTime);
        Assert.Equal(EntitlementStatus.Authorized, agent.State.Entitlements[0].Status);
        Assert.Null(agent.State.Entitlements[1].Status);
        await agent.RunDueWorkAsync(TestContext.Current.CancellationToken);
        Assert.All(agent.State.Entitlements, e => Assert.Equal(EntitlementStatus.Authorized, e.Status));
        Assert.Equal(context.Time.GetUtcNow().AddDays(30), agent.State.NextAuthorizationAttempt);
    }

    [Fact]
    public async Task SetRequestedEntitlements_UnchangedWhileRegistered_KeepsSchedule()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        agent.SetRequestedEntitlements([AgentTestContext.Standard]);

        Assert.Equal(AgentTestContext.Start.AddDays(30), agent.State.NextAuthorizationAttempt);
    }

    [Fact]
    public async Task SetRequestedEntitlements_EmptyWhileRegistered_AuthorizationNone()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        agent.SetRequestedEntitlements([]);

        Assert.Equal(AuthorizationStatus.None, agent.State.Authorization);
        Assert.Empty(agent.State.Entitlements);
    }

    [Fact]
    public async Task SetRequestedEntitlements_DuplicateTag_Throws()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();

        Assert.Throws<ArgumentException>(() => agent.SetRequestedEntitlements([AgentTestContext.Standard, AgentTestContext.Standard]));
    }
}
