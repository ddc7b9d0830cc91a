using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using SmartLicensing.Protocol.Identity;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Agent.Tests.Fakes;

/// <summary>A fake clock, a test PKI, a running fake server and a temporary state folder for one test.</summary>
internal sealed class AgentTestContext : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly Udi DeviceUdi = new("ASAv", "9AHV3KJBEKE");

    public static readonly EntitlementRequest Standard = new("regid.2014-08.com.cisco.ASAv-STD-1G,1.0_aa1e7c8d", 1);

    public static readonly EntitlementRequest Strong = new("regid.2014-08.com.cisco.ASAv-ENCRYPTION,1.0_d3b7e9f1", 1);

    private readonly List<SmartAgent> _agents = [];

    private AgentTestContext(FakeLicenseServer server)
    {
        Server = server;
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public TestPki Pki { get; } = new();

    public FakeLicenseServer Server { get; private set; }

    public string Folder { get; } = Directory.CreateTempSubdirectory("agent-tests-").FullName;

    public string StatePath => Path.Combine(Folder, "agent-state.json");

    public List<AgentEvent> Events { get; } = [];

    public static async Task<AgentTestContext> StartAsync()
    {
        var context = new AgentTestContext(null!);
        context.Server = await FakeLicenseServer.StartAsync(context.Pki, context.Time);
        return context;
    }

    /// <summary>Creates an agent on this context's state file that sends to the fake server.</summary>
    public SmartAgent CreateAgent(params EntitlementRequest[] entitlements)
    {
        var agent = new SmartAgent(
            new SmartAgentOptions
            {
                Udi = DeviceUdi,
                StatePath = StatePath,
                TrustedRoots = Pki.Trustpool,
                ProductName = "ASAv",
                ProductVersion = "9.22(1)",
                RequestTimeout = TimeSpan.FromSeconds(10),
            },
            Time);
        agent.EventRaised += (_, e) =>
        {
            lock (Events)
            {
                Events.Add(e);
            }
        };
        agent.SetTransport(new TransportSettings(Server.Url));
        if (entitlements.Length > 0)
        {
            agent.SetRequestedEntitlements(entitlements);
        }

        _agents.Add(agent);
        return agent;
    }

    /// <summary>Replaces the fake server with one that uses another TLS certificate.</summary>
    public async Task RestartServerAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 tlsCertificate)
    {
        await Server.DisposeAsync();
        Server = await FakeLicenseServer.StartAsync(Pki, Time, tlsCertificate);
    }

    /// <summary>A URL on 127.0.0.1 where nothing listens, so connections are refused.</summary>
    public static Uri UnreachableUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"https://127.0.0.1:{port}/licservice/license");
    }

    public List<AgentEventKind> EventKinds()
    {
        lock (Events)
        {
            return Events.Select(e => e.Kind).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            agent.Dispose();
        }

        await Server.DisposeAsync();
        Pki.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
