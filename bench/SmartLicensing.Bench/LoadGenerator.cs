using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Bench;

/// <summary>
/// Drives one server with N concurrent simulated devices over HTTPS on loopback: a registration
/// phase (each device slot registers new devices one after another), then a renewal phase (each
/// slot's last registered device requests authorization again and again). Each phase has an
/// unmeasured warm-up, then a measured window.
/// </summary>
internal sealed class LoadGenerator(HttpClient client, int devices, TimeSpan window, TimeSpan warmUp, string runId, Func<TimeSpan> serverCpu)
{
    /// <summary>What every simulated device requests: one ASAv throughput tier.</summary>
    public static readonly IReadOnlyList<EntitlementRequest> Entitlements =
        [new("regid.2014-08.com.cisco.ASAv-STD-1G,1.0_5c4abf17-2b9a-48a5-9b83-af05b8e9dbb6", 1)];

    private readonly SimDevice?[] _last = new SimDevice?[devices];
    private int _created;

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

    public IReadOnlyList<SimDevice> RegisteredDevices => _last.OfType<SimDevice>().ToList();

    public async Task<PhaseResult> RegisterAsync(string path, string token)
    {
        return await RunPhaseAsync(async (slot, cancellationToken) =>
        {
            var number = Interlocked.Increment(ref _created);
            var device = new SimDevice($"PID:ASAv,SN:{runId}{number:D7}");
            if (!await device.RegisterAsync(client, path, token, cancellationToken))
            {
                device.Dispose();
                return false;
            }

            _last[slot]?.Dispose();
            _last[slot] = device;
            return true;
        });
    }

    public async Task<PhaseResult> RenewAsync(string path)
    {
        if (_last.Any(d => d is null))
        {
            throw new InvalidOperationException("Some device slots have no registered device; the registration phase failed.");
        }

        return await RunPhaseAsync((slot, cancellationToken) => _last[slot]!.AuthorizeAsync(client, path, Entitlements, cancellationToken));
    }

    private async Task<PhaseResult> RunPhaseAsync(Func<int, CancellationToken, Task<bool>> operation)
    {
        var latencies = Enumerable.Range(0, devices).Select(_ => new List<double>(4096)).ToArray();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var stopAt = warmUp + window;
        using var hardStop = new CancellationTokenSource(stopAt + TimeSpan.FromSeconds(30));
        var cpu = Task.Run(async () =>
        {
            await Task.Delay(measureFrom);
            var start = serverCpu();
            await Task.Delay(stopAt - clock.Elapsed);
            return (serverCpu() - start).TotalSeconds;
        });

        var slots = Enumerable.Range(0, devices).Select(slot => Task.Run(async () =>
        {
            while (clock.Elapsed < stopAt)
            {
                var started = clock.Elapsed;
                bool ok;
                try
                {
                    ok = await operation(slot, hardStop.Token);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                var ended = clock.Elapsed;
                if (started < measureFrom || ended > stopAt)
                {
                    continue;
                }

                if (ok)
                {
                    latencies[slot].Add((ended - started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToArray();

        // A slot that has not finished a request by the end of the window would stretch the phase;
        // only requests wholly inside the window count, so the window length is the divisor.
        await Task.WhenAll(slots);
        return PhaseResult.From(latencies, failed, window.TotalSeconds, await cpu);
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
}
