using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Bench;

/// <summary>
/// The simulated devices of one server: one HTTPS client with a connection per device slot, and
/// each slot's last registered device, which the renewal phase uses.
/// </summary>
internal sealed class DeviceFleet(string url, string caFile, int devices, string runId) : IDisposable
{
    /// <summary>What every simulated device requests: one ASAv throughput tier.</summary>
    public static readonly IReadOnlyList<EntitlementRequest> Entitlements =
        [new("regid.2014-08.com.cisco.ASAv-STD-1G,1.0_5c4abf17-2b9a-48a5-9b83-af05b8e9dbb6", 1)];

    private readonly HttpClient _client = CreateClient(url, caFile, devices);
    private readonly SimDevice?[] _last = new SimDevice?[devices];
    private int _created;

    /// <summary>Registers a new device (new key, new UDI) in <paramref name="slot"/>; it replaces the slot's last device.</summary>
    public async Task<bool> RegisterAsync(int slot, string path, string token, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _created);
        var device = new SimDevice($"PID:ASAv,SN:{runId}{number:D7}");
        if (!await device.RegisterAsync(_client, path, token, cancellationToken))
        {
            device.Dispose();
            return false;
        }

        _last[slot]?.Dispose();
        _last[slot] = device;
        return true;
    }

    /// <summary>Has the last device registered in <paramref name="slot"/> request authorization.</summary>
    public Task<bool> AuthorizeAsync(int slot, string path, CancellationToken cancellationToken) =>
        _last[slot] is { } device
            ? device.AuthorizeAsync(_client, path, Entitlements, cancellationToken)
            : throw new InvalidOperationException($"Device slot {slot} has no registered device; the registration phase failed.");

    /// <summary>True when every slot has a registered device to renew.</summary>
    public bool AllRegistered => _last.All(d => d is not null);

    /// <summary>An HTTP client for one server that trusts only the given CA file and keeps one connection per device.</summary>
    public static HttpClient CreateClient(string url, string caFile, int devices)
    {
        var root = X509CertificateLoader.LoadCertificateFromFile(caFile);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = devices,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && ChainsTo(certificate, root),
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    private static bool ChainsTo(X509Certificate certificate, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }

    public void Dispose()
    {
        foreach (var device in _last)
        {
            device?.Dispose();
        }

        _client.Dispose();
    }
}
