using System.Text.Json;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Protocol.Tests.Messages;

public sealed class MessageJsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DeviceRequest_RoundTrips_WithTypeDiscriminator()
    {
        DeviceRequest request = new AuthorizationRequest
        {
            Nonce = "n1",
            IssuedAt = Now,
            Udi = "PID:ASAv,SN:9AHV3KJBEKE",
            Entitlements = [new EntitlementRequest("regid.2014-08.com.cisco.ASAv-STD-1G,1.0_x", 1)],
        };

        var json = JsonSerializer.Serialize(request, ProtocolJson.Options);
        var back = JsonSerializer.Deserialize<DeviceRequest>(json, ProtocolJson.Options);

        Assert.Contains("\"type\":\"authorize\"", json, StringComparison.Ordinal);
        var authorization = Assert.IsType<AuthorizationRequest>(back);
        Assert.Equal(Now, authorization.IssuedAt);
        Assert.Single(authorization.Entitlements);
    }

    [Fact]
    public void EntitlementStatus_SerializesAsDeviceWord()
    {
        DeviceResponse response = new AuthorizationResponse
        {
            RequestNonce = "n1",
            IssuedAt = Now,
            Entitlements = [new EntitlementAuthorization { Tag = "t", Count = 1, Status = EntitlementStatus.OutOfCompliance }],
            ExportAuthorized = false,
            AuthorizedAt = Now,
            RenewAfter = Now.AddDays(30),
            ExpiresAt = Now.AddDays(90),
        };

        var json = JsonSerializer.Serialize(response, ProtocolJson.Options);

        Assert.Contains("\"status\":\"OUT_OF_COMPLIANCE\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DeviceRequest_UnknownType_FailsToDeserialize()
    {
        const string Json = """{"type":"format-disk","nonce":"n","issuedAt":"2026-12-04T10:00:00Z","udi":"PID:ASAv,SN:1"}""";

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<DeviceRequest>(Json, ProtocolJson.Options));
    }

    [Fact]
    public void FailureReasons_CodesAreUnique()
    {
        var codes = FailureReasons.All.Select(r => r.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(FailureReasons.All, r => Assert.EndsWith(".", r.Message, StringComparison.Ordinal));
    }
}
