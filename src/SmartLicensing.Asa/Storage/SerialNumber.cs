using System.Security.Cryptography;

namespace SmartLicensing.Asa.Storage;

/// <summary>ASAv serial numbers: 11 upper-case letters and digits that start with <c>9A</c>, like <c>9AHV3KJBEKE</c>.</summary>
internal static class SerialNumber
{
    public const int Length = 11;

    private const string Prefix = "9A";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string Generate() =>
        Prefix + new string(RandomNumberGenerator.GetItems<char>(Alphabet, Length - Prefix.Length));

    /// <summary>Checks the general shape (a leading digit, then letters and digits), not the <c>9A</c> prefix.</summary>
    public static bool IsValid(string text) =>
        text.Length == Length
        && char.IsAsciiDigit(text[0])
        && text.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}
