using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartLicensing.Server.Clock;

/// <summary>Reads and writes the times and durations of lab clock commands.</summary>
public static partial class ClockText
{
    public const string DurationFormat = "<n>d<n>h<n>m<n>s, for example 91d, 12h, 1d12h or 90s";

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>
    /// Reads a duration of days, hours, minutes and seconds (<c>91d</c>, <c>1d12h</c>, <c>90s</c>),
    /// or an ISO 8601 duration such as <c>P91D</c> or <c>PT36H</c>. A leading minus is read, so the
    /// caller can name a negative duration as such.
    /// </summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var negative = trimmed.StartsWith('-');
        if (negative)
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.StartsWith('P') || trimmed.StartsWith('p'))
        {
            try
            {
                duration = System.Xml.XmlConvert.ToTimeSpan(trimmed.ToUpperInvariant());
            }
            catch (FormatException)
            {
                return false;
            }
            catch (OverflowException)
            {
                return false;
            }
        }
        else
        {
            var match = DurationPattern().Match(trimmed.ToLowerInvariant());
            if (!match.Success || trimmed.Length == 0)
            {
                return false;
            }

            try
            {
                duration = checked(
                    TimeSpan.FromDays(Part(match, "d"))
                    + TimeSpan.FromHours(Part(match, "h"))
                    + TimeSpan.FromMinutes(Part(match, "m"))
                    + TimeSpan.FromSeconds(Part(match, "s")));
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        duration = negative ? duration.Negate() : duration;
        return true;
    }

    /// <summary>
    /// Reads a time: ISO 8601 with an offset or <c>Z</c>, or <c>yyyy-MM-dd[THH:mm[:ss]]</c>, which is UTC.
    /// </summary>
    public static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (DateTimeOffset.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
        {
            return true;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time)
            && HasDateAndTime(trimmed);
    }

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>For example <c>91 days 2 hours</c> or <c>0 seconds</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : "";
        span = span.Duration();
        var parts = new List<string>(4);
        Add(parts, span.Days, "day");
        Add(parts, span.Hours, "hour");
        Add(parts, span.Minutes, "minute");
        Add(parts, span.Seconds, "second");
        return parts.Count == 0 ? "0 seconds" : sign + string.Join(' ', parts);
    }

    private static bool HasDateAndTime(string text) => text.Contains('-', StringComparison.Ordinal) && text.Length >= 10;

    private static long Part(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    private static void Add(List<string> parts, int value, string unit)
    {
        if (value > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? "" : "s")}"));
        }
    }

    [GeneratedRegex(@"^(?:(?<d>\d{1,7})d)?(?:(?<h>\d{1,9})h)?(?:(?<m>\d{1,9})m)?(?:(?<s>\d{1,11})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
