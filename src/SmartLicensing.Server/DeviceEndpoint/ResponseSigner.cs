using System.Text.Json;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using SmartLicensing.Server.Pki;

namespace SmartLicensing.Server.DeviceEndpoint;

/// <summary>Signs device responses with the server's signing key and names its certificate in <c>x5c</c>.</summary>
internal sealed class ResponseSigner(ServerCredentials credentials)
{
    private readonly JwsHeader _header = new()
    {
        KeyId = credentials.SigningKey.KeyId,
        CertificateChain = [credentials.SigningCertificateBase64],
    };

    public string Sign(DeviceResponse response)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(response, ProtocolJson.Options);
        return CompactJws.Sign(_header, payload, credentials.SigningKey);
    }
}
