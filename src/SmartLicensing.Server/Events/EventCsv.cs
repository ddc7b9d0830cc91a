using System.Globalization;
using System.Text;

namespace SmartLicensing.Server.Events;

/// <summary>Writes events as CSV (RFC 4180): a header line, CRLF line ends, quotes where a field needs them.</summary>
public static class EventCsv
{
    public const string Header = "time,virtual_account,actor,category,message";

    public static string Write(IEnumerable<EventView> events)
    {
        ArgumentNullException.ThrowIfNull(events);

        var csv = new StringBuilder();
        csv.Append(Header).Append("\r\n");
        foreach (var e in events)
        {
            csv.Append(Field(e.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))).Append(',')
                .Append(Field(e.VirtualAccount ?? string.Empty)).Append(',')
                .Append(Field(e.Actor)).Append(',')
                .Append(Field(e.Category)).Append(',')
                .Append(Field(e.Message)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
