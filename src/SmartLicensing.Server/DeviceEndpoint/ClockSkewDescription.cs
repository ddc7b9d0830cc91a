using System.Globalization;

namespace SmartLicensing.Server.DeviceEndpoint;

/// <summary>Words for how far a device clock is from the server clock.</summary>
internal static class ClockSkewDescription
{
    /// <summary>For example "The device clock is 2 hours 5 minutes behind the license server's clock ...".</summary>
    public static string Describe(DateTimeOffset deviceTime, DateTimeOffset serverTime)
    {
        var offset = deviceTime - serverTime;
        var direction = offset < TimeSpan.Zero ? "behind" : "ahead of";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"The device clock is {Span(offset.Duration())} {direction} the license server's clock "
            + $"(device {deviceTime.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, server {serverTime.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; "
            + $"at most {DeviceMessageRules.ClockTolerance.TotalMinutes:0} minutes are accepted). Set the device clock.");
    }

    private static string Span(TimeSpan span)
    {
        var parts = new List<string>(3);
        Add(parts, span.Days, "day");
        Add(parts, span.Hours, "hour");
        Add(parts, span.Minutes, "minute");
        if (parts.Count == 0 || (span.Days == 0 && span.Hours == 0 && span.Minutes < 15))
        {
            Add(parts, span.Seconds, "second");
        }

        return string.Join(' ', parts);
    }

    private static void Add(List<string> parts, int value, string unit)
    {
        if (value > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? "" : "s")}"));
        }
    }
}
