using System.Globalization;

namespace SmartLicensing.Asa.Platform;

/// <summary>Parses memory sizes such as <c>2GB</c>, <c>2048MB</c>, <c>8G</c> or <c>1.5 GB</c> into MB.</summary>
internal static class MemorySize
{
    public static bool TryParseMegabytes(string text, out int megabytes)
    {
        megabytes = 0;
        var trimmed = text.Trim();
        var unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsAsciiLetter(trimmed[unitStart - 1]))
        {
            unitStart--;
        }

        var unit = trimmed[unitStart..].ToUpperInvariant();
        var number = trimmed[..unitStart].TrimEnd();
        var factor = unit switch
        {
            "G" or "GB" => 1024m,
            "M" or "MB" => 1m,
            _ => 0m,
        };
        if (factor == 0m
            || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value <= 0m)
        {
            return false;
        }

        var total = value * factor;
        if (total != decimal.Truncate(total) || total > int.MaxValue)
        {
            return false;
        }

        megabytes = (int)total;
        return true;
    }

    /// <summary>Formats MB the way the options take them: whole GB as <c>2GB</c>, otherwise <c>1536MB</c>.</summary>
    public static string Format(int megabytes) =>
        megabytes % 1024 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{megabytes / 1024}GB")
            : string.Create(CultureInfo.InvariantCulture, $"{megabytes}MB");
}
