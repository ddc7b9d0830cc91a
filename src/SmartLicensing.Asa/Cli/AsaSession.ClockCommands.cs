using System.Globalization;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Asa.Show;

namespace SmartLicensing.Asa.Cli;

/// <summary><c>clock set</c>: sets the device clock that the Smart Agent schedules from.</summary>
internal sealed partial class AsaSession
{
    /// <summary>Years the ASA clock accepts.</summary>
    public const int MinClockYear = 1993;

    public const int MaxClockYear = 2035;

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    /// <summary><c>clock set HH:MM:SS MONTH DAY YEAR</c>, or with day and month the other way round.</summary>
    private Task SetClock(string timeText, string first, string second, string yearText)
    {
        var time = ParseClock(timeText, first, second, yearText, out var error);
        if (time is null)
        {
            _output.WriteLine("ERROR: " + error);
            return Task.CompletedTask;
        }

        if (_device.TimeProvider is not DeviceClock clock)
        {
            _output.WriteLine("ERROR: This device's clock cannot be set.");
            return Task.CompletedTask;
        }

        var before = Now;
        var saveError = clock.Set(time.Value);
        var line = $"%ASA-5-771002: CLOCK: System clock set, source: manual, before: {ShowText.ClockDate(before)}, after: {ShowText.ClockDate(time.Value)}";
        _syslog.Add(time.Value, line);
        if (saveError is not null)
        {
            _output.WriteLine("ERROR: " + char.ToUpperInvariant(saveError[0]) + saveError[1..]);
        }

        return Task.CompletedTask;
    }

    /// <summary>Reads the arguments of <c>clock set</c>; null with an error naming the wrong value and its range.</summary>
    internal static DateTimeOffset? ParseClock(string timeText, string first, string second, string yearText, out string error)
    {
        error = "";
        var parts = timeText.Split(':');
        if (parts.Length != 3 || !TryNumber(parts[0], out var hour) || !TryNumber(parts[1], out var minute) || !TryNumber(parts[2], out var second2))
        {
            error = $"Time '{timeText}' is not HH:MM:SS. Give the time as hours, minutes and seconds, for example 14:30:00.";
            return null;
        }

        if (hour > 23 || minute > 59 || second2 > 59)
        {
            error = $"Time '{timeText}' is out of range. Hours are 0 to 23, minutes and seconds 0 to 59.";
            return null;
        }

        int month;
        string dayText;
        if (FindMonth(first) is { } m1)
        {
            (month, dayText) = (m1, second);
        }
        else if (FindMonth(second) is { } m2)
        {
            (month, dayText) = (m2, first);
        }
        else
        {
            error = $"Neither '{first}' nor '{second}' is a month. Give the month as a name, for example Mar or March.";
            return null;
        }

        if (!TryNumber(yearText, out var year) || year is < MinClockYear or > MaxClockYear)
        {
            error = $"Year '{yearText}' is out of range. Give a year from {MinClockYear} to {MaxClockYear}.";
            return null;
        }

        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (!TryNumber(dayText, out var day) || day < 1 || day > daysInMonth)
        {
            error = $"Day '{dayText}' is out of range. {MonthNames[month - 1]} {year} has days 1 to {daysInMonth}.";
            return null;
        }

        return new DateTimeOffset(year, month, day, hour, minute, second2, TimeSpan.Zero);
    }

    private static int? FindMonth(string text)
    {
        if (text.Length < 3)
        {
            return null;
        }

        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && text.Length <= 4;
}
