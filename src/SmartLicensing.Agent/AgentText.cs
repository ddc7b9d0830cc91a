using System.Globalization;

namespace SmartLicensing.Agent;

/// <summary>Culture-invariant wording shared by event messages.</summary>
internal static class AgentText
{
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) => time is { } value ? Time(value) : "not scheduled";

    /// <summary>The text as a sentence: trimmed and ending with a full stop, so another sentence can follow it.</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }

    public static string Describe(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.None => "no entitlements in use",
        AuthorizationStatus.Waiting => "waiting for authorization",
        AuthorizationStatus.Authorized => "authorized",
        AuthorizationStatus.OutOfCompliance => "out of compliance",
        AuthorizationStatus.AuthorizationExpired => "authorization expired",
        AuthorizationStatus.InvalidTag => "invalid tag",
        AuthorizationStatus.NotAuthorized => "not authorized",
        _ => status.ToString(),
    };
}
