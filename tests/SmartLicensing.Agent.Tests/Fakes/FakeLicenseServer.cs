using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Agent.Tests.Fakes;

/// <summary>
/// A test-only license server on https://127.0.0.1 with a random port. It speaks the device
/// protocol for one virtual account and lets tests replace or tamper with its answers.
/// </summary>
internal sealed class FakeLicenseServer : IAsyncDisposable
{
    public const string SmartAccountName = "Lab Smart Account";
    public const string VirtualAccountName = "Firewalls";

    public static readonly TimeSpan IdCertificateLifetime = TimeSpan.FromDays(365);
    public static readonly TimeSpan IdCertificateRenewAfter = TimeSpan.FromDays(182);
    public static readonly TimeSpan AuthorizationRenewAfter = TimeSpan.FromDays(30);
    public static readonly TimeSpan AuthorizationLifetime = TimeSpan.FromDays(90);

    private readonly WebApplication _app;
    private readonly TestPki _pki;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, byte[]> _deviceKeys = new(StringComparer.Ordinal);

    private FakeLicenseServer(WebApplication app, TestPki pki, TimeProvider timeProvider, (Ed25519SigningKey, X509Certificate2) signer)
    {
        _app = app;
        _pki = pki;
        _timeProvider = timeProvider;
        (SigningKey, SigningCertificate) = signer;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The smart transport path on this server.</summary>
    public Uri Url => new(BaseUrl, DevicePaths.SmartTransport);

    public Ed25519SigningKey SigningKey { get; set; }

    public X509Certificate2 SigningCertificate { get; set; }

    /// <summary>Every device request received, in order, after its signature checked.</summary>
    public ConcurrentQueue<DeviceRequest> Received { get; } = new();

    public ConcurrentQueue<string?> ContentTypes { get; } = new();

    /// <summary>Status returned for a tag; tags not listed are authorized.</summary>
    public ConcurrentDictionary<string, EntitlementStatus> EntitlementStatuses { get; } = new(StringComparer.Ordinal);

    /// <summary>Response sent in place of the normal one, or null to send the normal response.</summary>
    public Func<DeviceRequest, DeviceResponse?>? Override { get; set; }

    /// <summary>Changes any answer just before it is signed.</summary>
    public Func<DeviceResponse, DeviceResponse>? Tamper { get; set; }

    public static async Task<FakeLicenseServer> StartAsync(TestPki pki, TimeProvider timeProvider, X509Certificate2? tlsCertificate = null)
    {
        var tls = tlsCertificate ?? pki.IssueTlsCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.UseHttps(tls);
            }));

        var app = builder.Build();
        var server = new FakeLicenseServer(app, pki, timeProvider, pki.CreateSigner());
        foreach (var path in DevicePaths.All)
        {
            app.MapPost(path, server.HandleAsync);
        }

        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SigningKey.Dispose();
        SigningCertificate.Dispose();
    }

    private async Task<IResult> HandleAsync(HttpRequest httpRequest)
    {
        ContentTypes.Enqueue(httpRequest.ContentType);
        using var reader = new StreamReader(httpRequest.Body);
        var body = await reader.ReadToEndAsync();
        if (!CompactJws.TryParse(body, out var jws, out var error))
        {
            return Results.BadRequest(error);
        }

        var request = JsonSerializer.Deserialize<DeviceRequest>(jws.Payload, ProtocolJson.Options)!;
        var signerKey = request is RegisterRequest
            ? Base64Url.Decode(jws.Header.Key!.X)
            : _deviceKeys.GetValueOrDefault(jws.Header.KeyId ?? "");
        if (signerKey is null)
        {
            return Sign(Error(request, FailureReasons.UnknownCertificate), HttpStatusCode.Unauthorized);
        }

        if (!jws.Verify(signerKey))
        {
            return Sign(Error(request, FailureReasons.SignatureInvalid), HttpStatusCode.Unauthorized);
        }

        Received.Enqueue(request);
        var response = Override?.Invoke(request) ?? Answer(request, signerKey, jws.Header.KeyId);
        return Sign(response, response is ErrorResponse ? HttpStatusCode.BadRequest : HttpStatusCode.OK);
    }

    private DeviceResponse Answer(DeviceRequest request, byte[] deviceKey, string? keyId)
    {
        var now = _timeProvider.GetUtcNow();
        switch (request)
        {
            case RegisterRequest:
                return new RegisterResponse
                {
                    RequestNonce = request.Nonce,
                    IssuedAt = now,
                    Certificate = IssueIdCertificate(deviceKey, request.Udi, now),
                    SmartAccount = SmartAccountName,
                    VirtualAccount = VirtualAccountName,
                    ExportControlledAllowed = true,
                };
            case IdCertificateRenewalRequest:
                _deviceKeys.TryRemove(keyId!, out _);
                return new IdCertificateResponse
                {
                    RequestNonce = request.Nonce,
                    IssuedAt = now,
                    Certificate = IssueIdCertificate(deviceKey, request.Udi, now),
                };
            case AuthorizationRequest authorization:
                return new AuthorizationResponse
                {
                    RequestNonce = request.Nonce,
                    IssuedAt = now,
                    Entitlements = authorization.Entitlements.Select(e => new EntitlementAuthorization
                    {
                        Tag = e.Tag,
                        Count = e.Count,
                        Status = EntitlementStatuses.GetValueOrDefault(e.Tag, EntitlementStatus.Authorized),
                        DisplayName = $"Display {e.Tag}",
                        ShortTag = $"SHORT-{e.Tag}",
                    }).ToList(),
                    ExportAuthorized = true,
                    AuthorizedAt = now,
                    RenewAfter = now + AuthorizationRenewAfter,
                    ExpiresAt = now + AuthorizationLifetime,
                };
            case DeregisterRequest:
                _deviceKeys.TryRemove(keyId!, out _);
                return new DeregisterResponse { RequestNonce = request.Nonce, IssuedAt = now };
            default:
                return Error(request, FailureReasons.MalformedMessage);
        }
    }

    private IdCertificateInfo IssueIdCertificate(byte[] deviceKey, string udi, DateTimeOffset now)
    {
        var notBefore = now.AddMinutes(-5);
        var notAfter = now + IdCertificateLifetime;
        using var certificate = _pki.IssueIdCertificate(deviceKey, udi, notBefore, notAfter);
        _deviceKeys[certificate.SerialNumber] = deviceKey;
        return new IdCertificateInfo
        {
            Certificate = Convert.ToBase64String(certificate.RawData),
            SerialNumber = certificate.SerialNumber,
            NotBefore = notBefore,
            NotAfter = notAfter,
            RenewAfter = now + IdCertificateRenewAfter,
        };
    }

    public static ErrorResponse Error(DeviceRequest request, FailureReason reason) => new()
    {
        RequestNonce = request.Nonce,
        IssuedAt = request.IssuedAt,
        Code = reason.Code,
        Message = reason.Message,
    };

    private IResult Sign(DeviceResponse response, HttpStatusCode status)
    {
        var final = Tamper?.Invoke(response) ?? response;
        var header = new JwsHeader
        {
            KeyId = SigningKey.KeyId,
            CertificateChain = [Convert.ToBase64String(SigningCertificate.RawData)],
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(final, ProtocolJson.Options);
        var jws = CompactJws.Sign(header, payload, SigningKey);
        return Results.Text(jws, DevicePaths.MediaType, System.Text.Encoding.ASCII, (int)status);
    }
}
