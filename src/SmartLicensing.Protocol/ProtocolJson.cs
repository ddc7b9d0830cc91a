using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartLicensing.Protocol;

/// <summary>JSON settings shared by every protocol message, so both sides read what the other writes.</summary>
public static class ProtocolJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
