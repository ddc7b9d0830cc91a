using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Bench;

/// <summary>
/// One simulated device: its own Ed25519 key, a UDI, and after registration the ID certificate
/// serial it names in <c>kid</c>. It checks that each answer echoes its nonce; it does not verify
/// the server's signature, so that the load generator spends less of the shared CPU.
/// </summary>
internal sealed class SimDevice(string udi) : IDisposable
{
    public string Udi { get; } = udi;

    public Ed25519SigningKey Key { get; } = Ed25519SigningKey.Create();

    public string? Serial { get; private set; }

    public DateTimeOffset? LastAuthorizedAt { get; private set; }

    public async Task<bool> RegisterAsync(HttpClient client, string path, string token, CancellationToken cancellationToken)
    {
        var request = new RegisterRequest { Nonce = NewNonce(), IssuedAt = TimeProvider.System.GetUtcNow(), Udi = Udi, Token = token, ProductName = "ASAv", ProductVersion = "9.22" };
        var header = new JwsHeader { Key = new JsonWebKey { X = Base64Url.Encode(Key.PublicKey) } };
        var answer = await SendAsync(client, path, request, header, cancellationToken);
        if (answer is RegisterResponse registered)
        {
            Serial = registered.Certificate.SerialNumber;
            return true;
        }

        return false;
    }

    public async Task<bool> AuthorizeAsync(HttpClient client, string path, IReadOnlyList<EntitlementRequest> entitlements, CancellationToken cancellationToken)
    {
        var request = new AuthorizationRequest { Nonce = NewNonce(), IssuedAt = TimeProvider.System.GetUtcNow(), Udi = Udi, Entitlements = entitlements };
        var answer = await SendAsync(client, path, request, new JwsHeader { KeyId = Serial }, cancellationToken);
        if (answer is AuthorizationResponse authorized)
        {
            LastAuthorizedAt = authorized.AuthorizedAt;
            return true;
        }

        return false;
    }

    private async Task<DeviceResponse?> SendAsync(HttpClient client, string path, DeviceRequest request, JwsHeader header, CancellationToken cancellationToken)
    {
        var body = CompactJws.Sign(header, JsonSerializer.SerializeToUtf8Bytes(request, ProtocolJson.Options), Key);
        using var content = new StringContent(body, Encoding.ASCII);
        content.Headers.ContentType = new MediaTypeHeaderValue(DevicePaths.MediaType);
        using var response = await client.PostAsync(path, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || !CompactJws.TryParse(text, out var jws, out _))
        {
            return null;
        }

        var answer = JsonSerializer.Deserialize<DeviceResponse>(jws.Payload, ProtocolJson.Options);
        return answer is not null && answer.RequestNonce == request.Nonce ? answer : null;
    }

    private static string NewNonce() => Base64Url.Encode(RandomNumberGenerator.GetBytes(16));

    public void Dispose() => Key.Dispose();
}
