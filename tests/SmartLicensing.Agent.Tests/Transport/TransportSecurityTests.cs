using System.Net;
using System.Net.Sockets;
using SmartLicensing.Agent.Tests.Fakes;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Agent.Tests.Transport;

public sealed class TransportSecurityTests
{
    private const string Token = "ZmFrZS10b2tlbi1mb3ItdGVzdHM=";

    [Fact]
    public async Task RegisterAsync_UntrustedTlsRoot_Rejected()
    {
        await using var context = await AgentTestContext.StartAsync();
        using var otherPki = new TestPki("Untrusted Root");
        await context.RestartServerAsync(otherPki.IssueTlsCertificate());
        var agent = context.CreateAgent();

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.ServerCertificateRejected.Code, result.FailureCode);
        Assert.Contains("does not chain to a root in the trustpool", result.FailureMessage, StringComparison.Ordinal);
        Assert.Empty(context.Server.Received);
        Assert.Equal(RegistrationStatus.RegistrationFailed, agent.State.Registration);
    }

    [Fact]
    public async Task RegisterAsync_TlsWithoutServerAuth_Rejected()
    {
        await using var context = await AgentTestContext.StartAsync();
        await context.RestartServerAsync(context.Pki.IssueTlsCertificate(serverAuthentication: false));
        var agent = context.CreateAgent();

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.ServerCertificateRejected.Code, result.FailureCode);
        Assert.Contains("1.3.6.1.5.5.7.3.1", result.FailureMessage, StringComparison.Ordinal);
        Assert.Empty(context.Server.Received);
    }

    [Fact]
    public async Task RegisterAsync_UntrustedSigner_ResponseInvalid()
    {
        await using var context = await AgentTestContext.StartAsync();
        using var otherPki = new TestPki("Untrusted Signing Root");
        (context.Server.SigningKey, context.Server.SigningCertificate) = otherPki.CreateSigner();
        var agent = context.CreateAgent();

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.ResponseInvalid.Code, result.FailureCode);
        Assert.Contains("signing certificate", result.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.RegistrationFailed, agent.State.Registration);
        Assert.Null(agent.State.CertificateSerial);
    }

    [Fact]
    public async Task RegisterAsync_ForgedSignature_ResponseInvalid()
    {
        await using var context = await AgentTestContext.StartAsync();
        var (_, trustedCertificate) = context.Pki.CreateSigner();
        context.Server.SigningCertificate = trustedCertificate;
        var agent = context.CreateAgent();

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.ResponseInvalid.Code, result.FailureCode);
        Assert.Contains("signature does not verify", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_OtherNonce_ResponseInvalid()
    {
        await using var context = await AgentTestContext.StartAsync();
        context.Server.Tamper = response => response with { RequestNonce = "AAAAAAAAAAAAAAAAAAAAAA" };
        var agent = context.CreateAgent();

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.ResponseInvalid.Code, result.FailureCode);
        Assert.Contains("nonce", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_UnsignedErrorPage_CommunicationFailed()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        agent.SetTransport(new TransportSettings(new Uri(context.Server.BaseUrl, "/no/such/path")));

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.CommunicationFailed.Code, result.FailureCode);
        Assert.Contains("HTTP 404", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_ServerNeverAnswers_TimesOut()
    {
        await using var context = await AgentTestContext.StartAsync();
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = new Uri($"https://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/licservice/license");
        using var agent = new SmartAgent(
            new SmartAgentOptions
            {
                Udi = AgentTestContext.DeviceUdi,
                StatePath = context.StatePath,
                TrustedRoots = context.Pki.Trustpool,
                RequestTimeout = TimeSpan.FromMilliseconds(300),
            },
            context.Time);
        agent.SetTransport(new TransportSettings(url));

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.CommunicationFailed.Code, result.FailureCode);
        Assert.Equal($"Could not reach the license server at {url}: the request timed out after 0.3 seconds", result.FailureMessage);
    }

    [Fact]
    public async Task RegisterAsync_ThroughHttpProxy_TunnelsWithConnect()
    {
        await using var context = await AgentTestContext.StartAsync();
        await using var proxy = new ConnectProxy();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        agent.SetTransport(new TransportSettings(context.Server.Url, proxy.Url));

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(AuthorizationStatus.Authorized, agent.State.Authorization);
        Assert.True(proxy.Tunnels >= 1);
        Assert.All(proxy.RequestLines, line => Assert.Equal($"CONNECT 127.0.0.1:{context.Server.Url.Port} HTTP/1.1", line));
    }

    [Fact]
    public async Task RegisterAsync_ProxyUnreachable_NamesProxy()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        var deadProxy = new Uri($"http://127.0.0.1:{AgentTestContext.UnreachableUrl().Port}");
        agent.SetTransport(new TransportSettings(context.Server.Url, deadProxy));

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.CommunicationFailed.Code, result.FailureCode);
        Assert.Contains($"through proxy {deadProxy}", result.FailureMessage, StringComparison.Ordinal);
        Assert.Empty(context.Server.Received);
    }

    [Fact]
    public async Task RenewAuthorizationAsync_CachedSigner_ChecksSignature()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent(AgentTestContext.Standard);
        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        // The signing certificate is cached once verified; a forged signature must still fail.
        var (otherKey, _) = context.Pki.CreateSigner();
        context.Server.SigningKey = otherKey;
        var result = await agent.RenewAuthorizationAsync(TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.ResponseInvalid.Code, result.FailureCode);
        Assert.IsType<AuthorizationRequest>(context.Server.Received.Last());
    }
}
