using SmartLicensing.Protocol.Identity;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Server.DeviceEndpoint;

/// <summary>A device message that passed the format, clock and replay checks; its signature is not checked yet.</summary>
internal sealed record DeviceMessage(ParsedJws Jws, DeviceRequest Request, Udi Udi, DateTimeOffset ReceivedAt)
{
    public string UdiText { get; } = Udi.ToString();
}
