using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SmartLicensing.EndToEnd.Support;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using SmartLicensing.Server.Hosting;

namespace SmartLicensing.EndToEnd;

/// <summary>
/// Kills the real authority with SIGKILL while devices renew their authorizations, starts it
/// again on the same data folder, and checks the store against what the devices were told.
/// </summary>
public sealed class CrashSafetyTests
{
    private const string Std1G = "regid.2014-08.com.cisco.ASAv-STD-1G,1.0_5c4abf17-2b9a-48a5-9b83-af05b8e9dbb6";
    private const string Std100M = "regid.2014-08.com.cisco.ASAv-STD-100M,1.0_23a69974-c804-47d6-841d-f69dcb0a6186";
    private const int Devices = 16;

    [Fact]
    public async Task Kill_DuringRenewals_AcknowledgedRenewalsKept()
    {
        await using var authority = new RestartableAuthority();
        await authority.StartAsync();
        var devices = new List<CrashDevice>();
        using (var client = CreateClient(authority))
        {
            var token = await CreateTokenAsync(client, authority);
            for (var i = 0; i < Devices; i++)
            {
                var device = new CrashDevice($"PID:ASAv,SN:CRASH{i:D4}");
                Assert.True(await device.RegisterAsync(client, token), $"registration of {device.Udi} failed{Environment.NewLine}{authority.Log}");
                devices.Add(device);
            }

            // Every device renews again and again, with usage that changes each time, until the kill.
            using var stop = new CancellationTokenSource();
            var loops = devices.Select(d => Task.Run(() => d.RenewUntilFailureAsync(client, stop.Token))).ToArray();
            var load = System.Diagnostics.Stopwatch.StartNew();
            while (devices.Sum(d => d.Acknowledged) < 300 && load.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            await authority.KillAsync();
            await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await stop.CancelAsync();
        }

        Assert.True(devices.Sum(d => d.Acknowledged) > 0, "no renewal was acknowledged before the kill" + Environment.NewLine + authority.Log);

        // The restart recovers the store; nothing has changed it since the kill.
        await authority.StartAsync();
        await using var store = new SqliteConnection($"Data Source={authority.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await store.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var device in devices)
        {
            var (lastAuthorizedTicks, authorizations) = await StoredRenewalsAsync(store, device.Udi);
            Assert.True(lastAuthorizedTicks >= device.LastAcknowledgedAt!.Value.UtcTicks,
                $"{device.Udi}: the store's last authorization is older than the last one acknowledged");
            Assert.True(authorizations >= device.Acknowledged,
                $"{device.Udi}: {device.Acknowledged} authorizations were acknowledged, {authorizations} are in the event log");

            // The request in flight at the kill may or may not have committed; nothing else may be stored.
            var stored = await StoredUsageAsync(store, device.Udi);
            Assert.True(stored == Describe(device.LastAcknowledged!) || stored == Describe(device.LastSent!),
                $"{device.Udi}: the store holds [{stored}], neither the last acknowledged [{Describe(device.LastAcknowledged!)}] nor the request in flight");
        }

        var mismatches = await BalanceMismatchesAsync(store);
        Assert.True(mismatches.Count == 0, "after the kill, balances differ from the sum of per-device usage: " + string.Join("; ", mismatches));

        using (var client = CreateClient(authority))
        {
            foreach (var device in devices)
            {
                Assert.True(await device.RenewAsync(client), $"{device.Udi} could not renew after the restart{Environment.NewLine}{authority.Log}");
            }
        }

        mismatches = await BalanceMismatchesAsync(store);
        Assert.True(mismatches.Count == 0, "after the restart, balances differ from the sum of per-device usage: " + string.Join("; ", mismatches));
    }

    private static async Task<(long LastAuthorizedTicks, long Authorizations)> StoredRenewalsAsync(SqliteConnection store, string udi)
    {
        await using var command = store.CreateCommand();
        command.CommandText = """
            SELECT (SELECT "LastAuthorizedAt" FROM "ProductInstances" WHERE "Udi" = $udi),
                   (SELECT COUNT(*) FROM "Events" WHERE "Actor" = $udi AND "Message" LIKE '%requested authorization%')
            """;
        command.Parameters.AddWithValue("$udi", udi);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        return (reader.IsDBNull(0) ? 0 : reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<string> StoredUsageAsync(SqliteConnection store, string udi)
    {
        await using var command = store.CreateCommand();
        command.CommandText = """
            SELECT e."Tag", e."Count" FROM "ProductInstanceEntitlements" e
            JOIN "ProductInstances" p ON p."Id" = e."ProductInstanceId" WHERE p."Udi" = $udi
            """;
        command.Parameters.AddWithValue("$udi", udi);
        var usage = new List<EntitlementRequest>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            usage.Add(new EntitlementRequest(reader.GetString(0), reader.GetInt32(1)));
        }

        return Describe(usage);
    }

    private static async Task<List<string>> BalanceMismatchesAsync(SqliteConnection store)
    {
        await using var command = store.CreateCommand();
        command.CommandText = """
            SELECT b."VirtualAccountId", b."Tag", b."InUse",
                   (SELECT COALESCE(SUM(e."Count"), 0) FROM "ProductInstanceEntitlements" e
                    JOIN "ProductInstances" p ON p."Id" = e."ProductInstanceId"
                    WHERE p."VirtualAccountId" = b."VirtualAccountId" AND e."Tag" = b."Tag")
            FROM "EntitlementBalances" b
            """;
        var mismatches = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            if (reader.GetInt64(2) != reader.GetInt64(3))
            {
                mismatches.Add($"account {reader.GetInt64(0)} {reader.GetString(1)}: in use {reader.GetInt64(2)}, devices use {reader.GetInt64(3)}");
            }
        }

        return mismatches;
    }

    private static string Describe(IEnumerable<EntitlementRequest> usage) =>
        string.Join(", ", usage.OrderBy(e => e.Tag, StringComparer.Ordinal).Select(e => $"{e.Tag} x{e.Count}"));

    private static HttpClient CreateClient(RestartableAuthority authority)
    {
        var root = X509CertificateLoader.LoadCertificateFromFile(authority.CaFile);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    if (certificate is null)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(root);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    return chain.Build(leaf);
                },
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(authority.Url), Timeout = TimeSpan.FromSeconds(30) };
    }

    private static async Task<string> CreateTokenAsync(HttpClient client, RestartableAuthority authority)
    {
        var apiKey = AdminEnvFile.Read(Path.Combine(authority.DataDirectory, AdminEnvFile.FileName), AdminEnvFile.ApiKeyVariable);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/virtual-accounts/DEFAULT/tokens")
        {
            Content = JsonContent.Create(new { description = "crash test" }),
        };
        request.Headers.Add("X-API-Key", apiKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>A device that remembers what the server acknowledged and what it sent last.</summary>
    private sealed class CrashDevice(string udi)
    {
        private readonly Ed25519SigningKey _key = Ed25519SigningKey.Create();
        private string? _serial;
        private int _round;

        public string Udi { get; } = udi;

        public int Acknowledged { get; private set; }

        public DateTimeOffset? LastAcknowledgedAt { get; private set; }

        public IReadOnlyList<EntitlementRequest>? LastAcknowledged { get; private set; }

        public IReadOnlyList<EntitlementRequest>? LastSent { get; private set; }

        public async Task<bool> RegisterAsync(HttpClient client, string token)
        {
            var request = new RegisterRequest { Nonce = Nonce(), IssuedAt = TimeProvider.System.GetUtcNow(), Udi = Udi, Token = token };
            var header = new JwsHeader { Key = new JsonWebKey { X = Base64Url.Encode(_key.PublicKey) } };
            if (await SendAsync(client, request, header) is RegisterResponse registered)
            {
                _serial = registered.Certificate.SerialNumber;
                return true;
            }

            return false;
        }

        public async Task RenewUntilFailureAsync(HttpClient client, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    if (!await RenewAsync(client))
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The server is gone; the request in flight was not acknowledged.
                    return;
                }
            }
        }

        /// <summary>Requests an authorization whose counts differ from the previous one; true when acknowledged.</summary>
        public async Task<bool> RenewAsync(HttpClient client)
        {
            _round++;
            List<EntitlementRequest> usage = _round % 2 == 0
                ? [new(Std1G, 1 + (_round % 3)), new(Std100M, 1)]
                : [new(Std1G, 1 + (_round % 3))];
            var request = new AuthorizationRequest { Nonce = Nonce(), IssuedAt = TimeProvider.System.GetUtcNow(), Udi = Udi, Entitlements = usage };
            LastSent = usage;
            if (await SendAsync(client, request, new JwsHeader { KeyId = _serial }) is not AuthorizationResponse authorized)
            {
                return false;
            }

            Acknowledged++;
            LastAcknowledgedAt = authorized.AuthorizedAt;
            LastAcknowledged = usage;
            return true;
        }

        private async Task<DeviceResponse?> SendAsync(HttpClient client, DeviceRequest request, JwsHeader header)
        {
            var body = CompactJws.Sign(header, JsonSerializer.SerializeToUtf8Bytes(request, ProtocolJson.Options), _key);
            using var content = new StringContent(body, Encoding.ASCII);
            content.Headers.ContentType = new MediaTypeHeaderValue(DevicePaths.MediaType);
            using var response = await client.PostAsync(DevicePaths.SmartTransport, content);
            var text = await response.Content.ReadAsStringAsync();
            if (!CompactJws.TryParse(text, out var jws, out _))
            {
                return null;
            }

            var answer = JsonSerializer.Deserialize<DeviceResponse>(jws.Payload, ProtocolJson.Options);
            return answer?.RequestNonce == request.Nonce && response.IsSuccessStatusCode ? answer : null;
        }

        private static string Nonce() => Base64Url.Encode(RandomNumberGenerator.GetBytes(16));
    }
}
