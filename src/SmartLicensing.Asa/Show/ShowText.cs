using System.Globalization;
using System.Text;

namespace SmartLicensing.Asa.Show;

/// <summary>Formatting shared by the show renderers: dates, banners and line building.</summary>
internal static class ShowText
{
    /// <summary>Smart Agent timestamp, for example <c>Feb 10 2023 11:27:20 UTC</c>.</summary>
    public static string AgentDate(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("MMM dd yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>ASA clock format, for example <c>11:27:20.123 UTC Fri Feb 10 2023</c>.</summary>
    public static string ClockDate(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("HH:mm:ss.fff 'UTC' ddd MMM d yyyy", CultureInfo.InvariantCulture);

    /// <summary>Appends a title and a rule of <c>=</c> of the given length (the title's length by default).</summary>
    public static StringBuilder Banner(this StringBuilder text, string title, int? ruleLength = null) =>
        text.Line(title).Line(new string('=', ruleLength ?? title.Length));

    public static StringBuilder Line(this StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
