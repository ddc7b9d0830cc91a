namespace SmartLicensing.Protocol;

/// <summary>HTTP paths at which a license server accepts device messages; all take the same messages.</summary>
public static class DevicePaths
{
    /// <summary>Call Home transport, the path of the default call-home <c>License</c> profile.</summary>
    public const string CallHome = "/its/service/oddce/services/DDCEService";

    /// <summary>Smart transport.</summary>
    public const string SmartTransport = "/licservice/license";

    /// <summary>Satellite (On-Prem) transport gateway.</summary>
    public const string TransportGateway = "/Transportgateway/services/DeviceRequestHandler";

    /// <summary>Media type of a device message body: one compact JWS.</summary>
    public const string MediaType = "application/jose";

    public static IReadOnlyList<string> All { get; } = [CallHome, SmartTransport, TransportGateway];
}
