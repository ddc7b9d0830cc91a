using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Identity;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using SmartLicensing.Server.Pki;

namespace SmartLicensing.Bench;

/// <summary>
/// The ceiling probe: Kestrel with the authority's TLS certificate and two bare endpoints that do
/// only what a request cannot avoid. Renew: read the JWS, parse the JSON, verify one Ed25519
/// signature with the device key, write and sign (Ed25519) the JSON answer. Register: the same
/// with the key from the header, plus one X.509 ID certificate from <c>CertificateRequest</c>.
/// No store: device keys are kept in a dictionary in memory.
/// </summary>
internal static class CeilingHost
{
    public const string RegisterPath = "/ceiling/register";
    public const string RenewPath = "/ceiling/renew";

    public static async Task<int> RunAsync(string dataDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        using var credentials = ServerCredentials.LoadOrCreate(dataDirectory, ["localhost", "127.0.0.1", "::1"], TimeProvider.System);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = dataDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, endpoint => endpoint.UseHttps(credentials.ServerTlsCertificate));
        });

        await using var app = builder.Build();
        var probe = new Probe(credentials);
        app.MapPost(RegisterPath, (Func<HttpContext, Task<IResult>>)probe.RegisterAsync);
        app.MapPost(RenewPath, (Func<HttpContext, Task<IResult>>)probe.RenewAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await output.WriteLineAsync("Now listening on: " + address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        await output.FlushAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Standard input closed: stop.
        }

        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    private sealed class Probe(ServerCredentials credentials)
    {
        private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
        private readonly JwsHeader _header = new() { KeyId = credentials.SigningKey.KeyId, CertificateChain = [credentials.SigningCertificateBase64] };

        public async Task<IResult> RegisterAsync(HttpContext context)
        {
            var body = await ReadAsync(context);
            if (!CompactJws.TryParse(body, out var jws, out _)
                || JsonSerializer.Deserialize<DeviceRequest>(jws.Payload, ProtocolJson.Options) is not RegisterRequest request
                || !Udi.TryParse(request.Udi, out var udi, out _)
                || jws.Header.Key is null
                || !SmartLicensing.Protocol.Encoding.Base64Url.TryDecode(jws.Header.Key.X, out var key)
                || !jws.Verify(key))
            {
                return Results.BadRequest();
            }

            var now = TimeProvider.System.GetUtcNow();
            var certificate = credentials.IssueIdCertificate(udi, key, now);
            _keys[certificate.Serial] = key;
            return Answer(new RegisterResponse
            {
                RequestNonce = request.Nonce,
                IssuedAt = now,
                Certificate = certificate.ToMessage(),
                SmartAccount = "Benchmark",
                VirtualAccount = "DEFAULT",
                ExportControlledAllowed = true,
            });
        }

        public async Task<IResult> RenewAsync(HttpContext context)
        {
            var body = await ReadAsync(context);
            if (!CompactJws.TryParse(body, out var jws, out _)
                || JsonSerializer.Deserialize<DeviceRequest>(jws.Payload, ProtocolJson.Options) is not AuthorizationRequest request
                || jws.Header.KeyId is null
                || !_keys.TryGetValue(jws.Header.KeyId, out var key)
                || !jws.Verify(key))
            {
                return Results.BadRequest();
            }

            var now = TimeProvider.System.GetUtcNow();
            return Answer(new AuthorizationResponse
            {
                RequestNonce = request.Nonce,
                IssuedAt = now,
                Entitlements = request.Entitlements.Select(e => new EntitlementAuthorization { Tag = e.Tag, Count = e.Count, Status = EntitlementStatus.Authorized }).ToList(),
                ExportAuthorized = true,
                AuthorizedAt = now,
                RenewAfter = now.AddDays(30),
                ExpiresAt = now.AddDays(90),
            });
        }

        private IResult Answer(DeviceResponse response)
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(response, ProtocolJson.Options);
            return Results.Text(CompactJws.Sign(_header, payload, credentials.SigningKey), DevicePaths.MediaType, Encoding.ASCII);
        }

        private static async Task<string> ReadAsync(HttpContext context)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            return await reader.ReadToEndAsync(context.RequestAborted);
        }
    }
}
