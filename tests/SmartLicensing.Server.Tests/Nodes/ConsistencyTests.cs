using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Tests.DeviceEndpoint;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Nodes;

public sealed class ConsistencyTests
{
    private const int DeviceCount = 24;
    private const int Rounds = 6;
    private const int MaxAttempts = 10;

    private static readonly string[] Tags =
    [
        Seed.Standard1G,
        Seed.Standard2G,
        CatalogLoader.BuiltIn.FindByShortTag("ASAv-STD-100M")!.Tag,
    ];

    [Fact]
    public async Task ConcurrentDevices_TwoNodes_BalancesEqualSumOfUsage()
    {
        await using var nodes = await TwoNodes.StartAsync();
        await Seed.ImportCsvAsync(nodes.First, "DEFAULT", "L-ASAV10S-K9=,10\n");
        var created = await (await nodes.First.Client.PostJsonAsync("/api/v1/virtual-accounts/DEFAULT/tokens", new { })).JsonAsync(201);
        var token = created.GetProperty("token").GetString()!;
        using var client = new HttpClient(new AlternatingHandler([nodes.First.BaseAddress, nodes.Second.BaseAddress], nodes.First.CreateTrustingHandler()))
        {
            BaseAddress = nodes.First.BaseAddress,
        };
        var connection = new DeviceServerConnection(client, nodes.First.Time, nodes.First.App.Services.GetRequiredService<ServerCredentials>());

        var finals = await Task.WhenAll(Enumerable.Range(0, DeviceCount).Select(i => RunDeviceAsync(connection, i, token)));

        var instances = await nodes.Second.WithDbAsync(db => db.ProductInstances.AsNoTracking().Include(p => p.Entitlements).ToListAsync(TestContext.Current.CancellationToken));
        var balances = await nodes.Second.WithDbAsync(db => db.EntitlementBalances.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(DeviceCount, instances.Count);
        foreach (var (udi, requested) in finals)
        {
            var stored = instances.Single(p => p.Udi == udi).Entitlements.Select(e => (e.Tag, e.Count)).OrderBy(e => e.Tag, StringComparer.Ordinal);
            Assert.Equal(requested.OrderBy(e => e.Tag, StringComparer.Ordinal), stored);
        }

        var usage = instances
            .SelectMany(p => p.Entitlements.Select(e => (p.VirtualAccountId, e.Tag, e.Count)))
            .GroupBy(e => (e.VirtualAccountId, e.Tag))
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Count));
        foreach (var balance in balances)
        {
            Assert.True(
                usage.GetValueOrDefault((balance.VirtualAccountId, balance.Tag)) == balance.InUse,
                $"{balance.Tag}: in use {balance.InUse}, devices use {usage.GetValueOrDefault((balance.VirtualAccountId, balance.Tag))}");
        }

        Assert.All(usage.Keys, key => Assert.Contains(balances, b => (b.VirtualAccountId, b.Tag) == key));
        Assert.Equal(finals.Sum(f => f.Requested.Sum(e => e.Count)), balances.Sum(b => b.InUse));
    }

    /// <summary>
    /// Runs one device: it registers and changes its request every round. Then it sends two
    /// different requests at once, most likely one to each node, and a last one, which it returns.
    /// </summary>
    private static async Task<(string Udi, (string Tag, int Count)[] Requested)> RunDeviceAsync(DeviceServerConnection connection, int index, string token)
    {
        using var device = new TestDevice(connection, $"PID:ASAv,SN:NODE{index:D5}");
        var registered = await SendAsync(() => device.RegisterAsync(token));
        Assert.True(registered.Response is RegisterResponse, registered.Describe());

        var random = new Random(index);
        for (var round = 0; round < Rounds; round++)
        {
            await AuthorizeAsync(device, Pick(random));
        }

        await Task.WhenAll(AuthorizeAsync(device, Pick(random)), AuthorizeAsync(device, Pick(random)));

        var last = Pick(random);
        await AuthorizeAsync(device, last);
        return (device.Udi, last);
    }

    private static async Task AuthorizeAsync(TestDevice device, (string Tag, int Count)[] entitlements)
    {
        var reply = await SendAsync(() => device.AuthorizeAsync(entitlements));
        Assert.True(reply.Response is AuthorizationResponse, reply.Describe());
    }

    // A device sends the request again when the server answers that it could not process it now.
    private static async Task<DeviceReply> SendAsync(Func<Task<DeviceReply>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            var reply = await send();
            if (reply.ErrorCode != "server-unavailable" || attempt == MaxAttempts)
            {
                return reply;
            }
        }
    }

    // A seeded generator gives each device a repeatable request sequence; nothing here is secret.
#pragma warning disable CA5394
    private static (string Tag, int Count)[] Pick(Random random)
    {
        var picked = Tags.Where(_ => random.Next(3) > 0).Select(tag => (tag, random.Next(1, 4))).ToArray();
        return picked.Length > 0 ? picked : [(Tags[0], 1)];
    }
#pragma warning restore CA5394

    /// <summary>Sends each request to the next node in turn, as a round-robin load balancer does.</summary>
    private sealed class AlternatingHandler(Uri[] nodes, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var node = nodes[(Interlocked.Increment(ref _next) & int.MaxValue) % nodes.Length];
            request.RequestUri = new Uri(node, request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
