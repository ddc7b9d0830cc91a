using SmartLicensing.Agent.Tests.Fakes;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Agent.Tests.Registration;

public sealed class RegisterTests
{
    private const string Token = "ZmFrZS10b2tlbi1mb3ItdGVzdHM=";

    [Fact]
    public async Task RegisterAsync_ValidToken_StoresRegistration()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureMessage);
        var state = agent.State;
        var now = AgentTestContext.Start;
        Assert.Equal(RegistrationStatus.Registered, state.Registration);
        Assert.Equal(FakeLicenseServer.SmartAccountName, state.SmartAccount);
        Assert.Equal(FakeLicenseServer.VirtualAccountName, state.VirtualAccount);
        Assert.True(state.ExportControlledAllowed);
        Assert.Equal(now, state.RegisteredAt);
        Assert.Equal(now + FakeLicenseServer.IdCertificateRenewAfter, state.NextIdRenewal);
        Assert.Equal(now + FakeLicenseServer.IdCertificateLifetime, state.RegistrationExpires);
        Assert.Equal(now.AddMinutes(-5), state.CertificateNotBefore);
        Assert.False(string.IsNullOrEmpty(state.CertificateSerial));
        Assert.Equal(new AttemptRecord(now, true), state.LastRegistrationAttempt);
        Assert.Equal(AuthorizationStatus.None, state.Authorization);
        Assert.Contains(AgentEventKind.RegistrationSucceeded, context.EventKinds());
        Assert.Contains(AgentEventKind.ExportControlledAllowed, context.EventKinds());
    }

    [Fact]
    public async Task RegisterAsync_Request_CarriesFieldsAndNonce()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);

        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        var requests = context.Server.Received.ToList();
        var register = Assert.IsType<RegisterRequest>(requests[0]);
        Assert.Equal(Token, register.Token);
        Assert.False(register.Force);
        Assert.Equal("PID:ASAv,SN:9AHV3KJBEKE", register.Udi);
        Assert.Equal("ASAv", register.ProductName);
        Assert.Equal("9.22(1)", register.ProductVersion);
        Assert.Equal(AgentTestContext.Start, register.IssuedAt);
        Assert.IsType<AuthorizationRequest>(requests[1]);
        Assert.All(requests, r => Assert.Equal(16, Base64Url.Decode(r.Nonce).Length));
        Assert.NotEqual(requests[0].Nonce, requests[1].Nonce);
        Assert.All(context.Server.ContentTypes, c => Assert.Equal(DevicePaths.MediaType, c));
    }

    [Fact]
    public async Task RegisterAsync_WithEntitlements_AuthorizesRightAfter()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureMessage);
        var state = agent.State;
        var now = AgentTestContext.Start;
        Assert.Equal(AuthorizationStatus.Authorized, state.Authorization);
        Assert.Equal(now, state.AuthorizedAt);
        Assert.Equal(now.AddDays(30), state.NextAuthorizationAttempt);
        Assert.Equal(now.AddDays(90), state.AuthorizationExpires);
        Assert.True(state.ExportAuthorized);
        var entitlement = Assert.Single(state.Entitlements);
        Assert.Equal(EntitlementStatus.Authorized, entitlement.Status);
        Assert.Equal($"SHORT-{AgentTestContext.Standard.Tag}", entitlement.ShortTag);
    }

    [Fact]
    public async Task RegisterAsync_RegisteredWithoutForce_RejectedLocally()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        var serial = agent.State.CertificateSerial;
        var sent = context.Server.Received.Count;

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(FailureReasons.AlreadyRegistered.Code, result.FailureCode);
        Assert.Equal(sent, context.Server.Received.Count);
        Assert.Equal(RegistrationStatus.Registered, agent.State.Registration);
        Assert.Equal(serial, agent.State.CertificateSerial);
    }

    [Fact]
    public async Task RegisterAsync_TwoCallsAtOnce_OneRegisters()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();

        var results = await Task.WhenAll(
            agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken),
            agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.FailureCode == FailureReasons.AlreadyRegistered.Code);
        Assert.Single(context.Server.Received);
    }

    [Fact]
    public async Task RegisterAsync_Success_TokenNotStored()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();

        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        var file = await File.ReadAllTextAsync(context.StatePath, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Token, file, StringComparison.Ordinal);
        Assert.Contains("devicePrivateKey", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_Force_ReplacesCertificate()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        var firstSerial = agent.State.CertificateSerial;

        var result = await agent.RegisterAsync(Token, force: true, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.True(Assert.IsType<RegisterRequest>(context.Server.Received.Last()).Force);
        Assert.NotEqual(firstSerial, agent.State.CertificateSerial);
    }

    [Fact]
    public async Task RegisterAsync_ForceFails_KeepsExistingRegistration()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        var serial = agent.State.CertificateSerial;
        context.Server.Override = r => FakeLicenseServer.Error(r, FailureReasons.TokenRevoked);

        var result = await agent.RegisterAsync(Token, force: true, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(RegistrationStatus.Registered, agent.State.Registration);
        Assert.Equal(serial, agent.State.CertificateSerial);
        Assert.Equal(FailureReasons.TokenRevoked.Code, agent.State.LastRegistrationAttempt?.FailureCode);
    }

    [Theory]
    [InlineData("token-expired")]
    [InlineData("token-revoked")]
    [InlineData("token-used-up")]
    [InlineData("token-unknown")]
    public async Task RegisterAsync_ServerError_ReturnsCodeAndMessage(string code)
    {
        await using var context = await AgentTestContext.StartAsync();
        var reason = FailureReasons.Find(code)!;
        context.Server.Override = r => FakeLicenseServer.Error(r, reason);
        var agent = context.CreateAgent();

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(code, result.FailureCode);
        Assert.Equal(reason.Message, result.FailureMessage);
        Assert.Equal(RegistrationStatus.RegistrationFailed, agent.State.Registration);
        Assert.Equal(new AttemptRecord(AgentTestContext.Start, false, code, reason.Message), agent.State.LastRegistrationAttempt);
        var failed = Assert.Single(context.Events, e => e.Kind == AgentEventKind.RegistrationFailed);
        Assert.Contains(reason.Message, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_ServerUnreachable_CommunicationFailedWithUrl()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        var url = AgentTestContext.UnreachableUrl();
        agent.SetTransport(new TransportSettings(url));

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(FailureReasons.CommunicationFailed.Code, result.FailureCode);
        Assert.StartsWith($"Could not reach the license server at {url}: ", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("refused", result.FailureMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(RegistrationStatus.RegistrationFailed, agent.State.Registration);
        Assert.Contains(AgentEventKind.CommunicationFailed, context.EventKinds());
    }

    [Fact]
    public async Task RegisterAsync_NoTransport_CommunicationFailed()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        agent.SetTransport(null);

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.CommunicationFailed.Code, result.FailureCode);
        Assert.Empty(context.Server.Received);
    }

    [Fact]
    public async Task DeregisterAsync_ServerReachable_ClearsState()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        var result = await agent.DeregisterAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.IsType<DeregisterRequest>(context.Server.Received.Last());
        AssertUnregistered(agent.State);
        Assert.Contains(AgentEventKind.Deregistered, context.EventKinds());
    }

    [Fact]
    public async Task DeregisterAsync_ServerUnreachable_ClearsState()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        agent.SetTransport(new TransportSettings(AgentTestContext.UnreachableUrl()));

        var result = await agent.DeregisterAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(FailureReasons.CommunicationFailed.Code, result.FailureCode);
        AssertUnregistered(agent.State);
        Assert.Contains(AgentEventKind.DeregistrationFailed, context.EventKinds());

        agent.Dispose();
        using var reloaded = context.CreateAgent();
        AssertUnregistered(reloaded.State);
        Assert.DoesNotContain("devicePrivateKey", await File.ReadAllTextAsync(context.StatePath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static void AssertUnregistered(AgentState state)
    {
        Assert.Equal(RegistrationStatus.Unregistered, state.Registration);
        Assert.Equal(AuthorizationStatus.None, state.Authorization);
        Assert.Null(state.CertificateSerial);
        Assert.Null(state.RegistrationExpires);
        Assert.Null(state.AuthorizationExpires);
        Assert.Null(state.SmartAccount);
        var entitlement = Assert.Single(state.Entitlements);
        Assert.Null(entitlement.Status);
    }
}
