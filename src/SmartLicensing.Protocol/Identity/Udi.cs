using System.Diagnostics.CodeAnalysis;

namespace SmartLicensing.Protocol.Identity;

/// <summary>
/// Unique device identifier in the form <c>PID:&lt;product id&gt;,SN:&lt;serial number&gt;</c>.
/// </summary>
public sealed record Udi(string ProductId, string SerialNumber)
{
    private const string ProductPrefix = "PID:";
    private const string SerialPrefix = "SN:";

    public override string ToString() => $"{ProductPrefix}{ProductId},{SerialPrefix}{SerialNumber}";

    /// <summary>Parses a UDI, or returns false with the reason when the text is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Udi? udi, out string? error)
    {
        udi = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the UDI is empty; expected PID:<product id>,SN:<serial number>";
            return false;
        }

        var parts = text.Split(',');
        if (parts.Length != 2
            || !parts[0].StartsWith(ProductPrefix, StringComparison.Ordinal)
            || !parts[1].StartsWith(SerialPrefix, StringComparison.Ordinal))
        {
            error = $"'{text}' is not a UDI; expected PID:<product id>,SN:<serial number>";
            return false;
        }

        var productId = parts[0][ProductPrefix.Length..];
        var serial = parts[1][SerialPrefix.Length..];
        if (!IsValidField(productId) || !IsValidField(serial))
        {
            error = $"'{text}' is not a UDI; the product id and serial number must be 1 to 64 letters, digits, '-', '_', '.' or '/'";
            return false;
        }

        udi = new Udi(productId, serial);
        return true;
    }

    public static Udi Parse(string text) =>
        TryParse(text, out var udi, out var error) ? udi : throw new FormatException(error);

    private static bool IsValidField(string value) =>
        value.Length is > 0 and <= 64
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');
}
