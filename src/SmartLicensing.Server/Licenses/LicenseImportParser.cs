using System.Globalization;
using SmartLicensing.Catalog;
using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Licenses;

/// <summary>
/// Checks license import lines from CSV text or a JSON body. The first bad line fails the whole
/// import, so an order is imported completely or not at all.
/// </summary>
public static class LicenseImportParser
{
    public const int MaxQuantity = 1_000_000;

    private static readonly string[] HeaderFields = ["pid", "quantity", "expires"];

    /// <summary>Parses CSV lines <c>pid,quantity[,expires]</c>; skips blank lines, <c>#</c> comments and a header line.</summary>
    public static Result<IReadOnlyList<LicenseImportLine>> ParseCsv(string text, ProductCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);

        var lines = new List<LicenseImportLine>();
        var rawLines = text.Split('\n');
        var headerAllowed = true;
        for (var i = 0; i < rawLines.Length; i++)
        {
            var lineNumber = i + 1;
            var raw = rawLines[i].TrimEnd('\r').Trim();
            if (i == 0)
            {
                raw = raw.TrimStart('\uFEFF');
            }

            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var fields = raw.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
            if (headerAllowed && IsHeader(fields))
            {
                headerAllowed = false;
                continue;
            }

            headerAllowed = false;
            if (fields.Length is < 2 or > 3)
            {
                return new LicenseImportLineInvalid(lineNumber, $"expected 'pid,quantity' or 'pid,quantity,expires' but found {fields.Length} field(s) in '{raw}'.");
            }

            var line = CheckLine(lineNumber, fields[0], fields[1], fields.Length == 3 ? fields[2] : null, catalog, now);
            if (!line.IsSuccess)
            {
                return line.Error;
            }

            lines.Add(line.Value);
        }

        return lines.Count == 0 ? new LicenseImportEmpty() : lines;
    }

    /// <summary>Checks the lines of a JSON import; line numbers are 1-based positions in <c>lines</c>.</summary>
    public static Result<IReadOnlyList<LicenseImportLine>> ParseJson(LicenseImportRequest request, ProductCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);

        if (request.Lines is not { Count: > 0 })
        {
            return new LicenseImportEmpty();
        }

        var lines = new List<LicenseImportLine>(request.Lines.Count);
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var entry = request.Lines[i];
            if (entry is null)
            {
                return new LicenseImportLineInvalid(i + 1, "the entry is null; expected {\"pid\", \"quantity\", \"expires\"}.");
            }

            var quantity = entry.Quantity?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            var line = CheckLine(i + 1, entry.Pid?.Trim() ?? string.Empty, quantity, entry.Expires, catalog, now);
            if (!line.IsSuccess)
            {
                return line.Error;
            }

            lines.Add(line.Value);
        }

        return lines;
    }

    /// <summary>Parses an expiry: a date means the end of that day in UTC; otherwise an ISO-8601 time.</summary>
    public static bool TryParseExpiry(string text, out DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(text);

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            expiresAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out expiresAt)
            && text.Contains('T', StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsHeader(string[] fields) =>
        fields.Length >= 2
        && fields.Length <= HeaderFields.Length
        && fields.Select((f, i) => string.Equals(f, HeaderFields[i], StringComparison.OrdinalIgnoreCase)).All(match => match);

    private static Result<LicenseImportLine> CheckLine(int lineNumber, string pid, string quantityText, string? expiresText, ProductCatalog catalog, DateTimeOffset now)
    {
        if (pid.Length == 0)
        {
            return new LicenseImportLineInvalid(lineNumber, "the PID is empty.");
        }

        if (!int.TryParse(quantityText, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity is < 1 or > MaxQuantity)
        {
            return new LicenseImportLineInvalid(lineNumber, $"quantity '{quantityText}' is not a whole number from 1 to {MaxQuantity}.");
        }

        var sku = catalog.FindLicense(pid);
        if (sku is null)
        {
            return new LicensePidUnknown(lineNumber, pid);
        }

        DateTimeOffset? expiresAt = null;
        if (!string.IsNullOrWhiteSpace(expiresText))
        {
            var trimmed = expiresText.Trim();
            if (!TryParseExpiry(trimmed, out var parsed))
            {
                return new LicenseImportLineInvalid(lineNumber, $"expiry '{trimmed}' is not a date yyyy-MM-dd or an ISO-8601 time such as 2030-12-31T23:59:59Z.");
            }

            if (parsed <= now)
            {
                return new LicenseImportLineInvalid(lineNumber, $"expiry '{trimmed}' is in the past; a term license must end after {now:yyyy-MM-dd HH:mm:ss} UTC.");
            }

            expiresAt = parsed;
        }

        return new LicenseImportLine(lineNumber, sku.Pid, quantity, expiresAt);
    }
}
