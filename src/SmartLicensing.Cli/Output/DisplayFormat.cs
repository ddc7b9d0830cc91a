using System.Globalization;

namespace SmartLicensing.Cli.Output;

/// <summary>Culture-invariant text for dates, times and counts in tables.</summary>
internal static class DisplayFormat
{
    public static string Date(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";

    public static string Time(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "-";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The date with the days left, rounded up as the server counts them, as in
    /// "2027-01-30 (in 30 days)", or "(expired)" once it has passed.
    /// </summary>
    public static string DateWithDaysLeft(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var left = expiresAt - now;
        var days = (int)Math.Ceiling(left.TotalDays);
        var suffix = left <= TimeSpan.Zero ? "expired"
            : days == 1 ? "in 1 day"
            : string.Create(CultureInfo.InvariantCulture, $"in {days} days");
        return $"{Date(expiresAt)} ({suffix})";
    }

    public static string Text(string? value) => string.IsNullOrEmpty(value) ? "-" : value;
}
