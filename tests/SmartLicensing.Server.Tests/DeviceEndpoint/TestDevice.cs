using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using SmartLicensing.Server.Pki;
using Xunit;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

/// <summary>What a test device needs of a server: its address (in the client), its clock and its credentials.</summary>
internal sealed record DeviceServerConnection(HttpClient Client, TimeProvider Time, ServerCredentials Credentials);

/// <summary>A minimal device: signs requests with its Ed25519 key and checks the server's signed responses.</summary>
internal sealed class TestDevice(DeviceServerConnection host, string udi) : IDisposable
{
    public TestDevice(DeviceEndpointHost host, string udi)
        : this(host.Connection, udi)
    {
    }

    /// <summary>A device that talks to the device endpoint of a full test server.</summary>
    public TestDevice(Support.AuthorityServer server, string udi)
        : this(new DeviceServerConnection(server.AnonymousClient, server.Time, server.App.Services.GetRequiredService<ServerCredentials>()), udi)
    {
    }

    public string Udi { get; } = udi;

    public Ed25519SigningKey Key { get; private set; } = Ed25519SigningKey.Create();

    public string? Serial { get; private set; }

    public string Path { get; set; } = DevicePaths.SmartTransport;

    public async Task<DeviceReply> RegisterAsync(string token, bool force = false)
    {
        var request = new RegisterRequest
        {
            Nonce = NewNonce(),
            IssuedAt = host.Time.GetUtcNow(),
            Udi = Udi,
            Token = token,
            Force = force,
            ProductName = "ASAv",
            ProductVersion = "9.22",
        };
        var reply = await SendAsync(request, RegisterHeader(Key), Key);
        if (reply.Response is RegisterResponse registered)
        {
            Serial = registered.Certificate.SerialNumber;
        }

        return reply;
    }

    public Task<DeviceReply> AuthorizeAsync(params (string Tag, int Count)[] entitlements) =>
        SendSignedAsync(new AuthorizationRequest
        {
            Nonce = NewNonce(),
            IssuedAt = host.Time.GetUtcNow(),
            Udi = Udi,
            Entitlements = entitlements.Select(e => new EntitlementRequest(e.Tag, e.Count)).ToList(),
        });

    public async Task<DeviceReply> RenewIdAsync(Ed25519SigningKey? newKey = null)
    {
        var nonce = NewNonce();
        var request = new IdCertificateRenewalRequest
        {
            Nonce = nonce,
            IssuedAt = host.Time.GetUtcNow(),
            Udi = Udi,
            NewPublicKey = newKey is null ? null : Base64Url.Encode(newKey.PublicKey),
            NewKeyProof = newKey is null ? null : Base64Url.Encode(newKey.Sign(Encoding.UTF8.GetBytes(nonce))),
        };
        var reply = await SendSignedAsync(request);
        if (reply.Response is IdCertificateResponse renewed)
        {
            Serial = renewed.Certificate.SerialNumber;
            if (newKey is not null)
            {
                Key.Dispose();
                Key = newKey;
            }
        }

        return reply;
    }

    public Task<DeviceReply> DeregisterAsync() =>
        SendSignedAsync(new DeregisterRequest { Nonce = NewNonce(), IssuedAt = host.Time.GetUtcNow(), Udi = Udi });

    public Task<DeviceReply> SendSignedAsync(DeviceRequest request, Ed25519SigningKey? key = null) =>
        SendAsync(request, new JwsHeader { KeyId = Serial }, key ?? Key);

    public static JwsHeader RegisterHeader(Ed25519SigningKey key) =>
        new() { Key = new JsonWebKey { X = Base64Url.Encode(key.PublicKey) } };

    public Task<DeviceReply> SendAsync(DeviceRequest request, JwsHeader header, Ed25519SigningKey key) =>
        PostAsync(Sign(request, header, key), request.Nonce);

    public static string Sign(DeviceRequest request, JwsHeader header, Ed25519SigningKey key) =>
        CompactJws.Sign(header, JsonSerializer.SerializeToUtf8Bytes(request, ProtocolJson.Options), key);

    /// <summary>Posts a body and checks that the response is a JWS signed by the server, echoing the nonce.</summary>
    public async Task<DeviceReply> PostAsync(string body, string? expectedNonce)
    {
        using var content = new StringContent(body, Encoding.ASCII);
        content.Headers.ContentType = new MediaTypeHeaderValue(DevicePaths.MediaType);
        using var response = await host.Client.PostAsync(Path, content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DevicePaths.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(CompactJws.TryParse(text, out var jws, out var error), error);
        Assert.Equal(host.Credentials.SigningKey.KeyId, jws.Header.KeyId);
        Assert.Equal([host.Credentials.SigningCertificateBase64], jws.Header.CertificateChain);
        Assert.True(jws.Verify(host.Credentials.SigningKey.PublicKey), "the answer's signature does not verify");
        var answer = JsonSerializer.Deserialize<DeviceResponse>(jws.Payload, ProtocolJson.Options)!;
        Assert.Equal(expectedNonce ?? "", answer.RequestNonce);
        return new DeviceReply(response.StatusCode, answer);
    }

    public static string NewNonce() => Base64Url.Encode(RandomNumberGenerator.GetBytes(16));

    public void Dispose() => Key.Dispose();
}

internal sealed record DeviceReply(HttpStatusCode Status, DeviceResponse Response)
{
    public T As<T>()
        where T : DeviceResponse =>
        Response as T ?? throw new InvalidOperationException($"Expected {typeof(T).Name} but the server answered {Describe()}");

    public string? ErrorCode => (Response as ErrorResponse)?.Code;

    public string Describe() => Response is ErrorResponse error ? $"{(int)Status} {error.Code}: {error.Message}" : $"{(int)Status} {Response.GetType().Name}";
}
