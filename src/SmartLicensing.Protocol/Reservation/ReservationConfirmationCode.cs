using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace SmartLicensing.Protocol.Reservation;

/// <summary>
/// The 8-hex-digit confirmation code a device prints after installing an authorization code: six
/// digits from SHA-256 of the authorization's signature, then two digits of CRC-8 over them, so
/// a mistyped digit is caught. The Authority derives the same code from the authorization it
/// issued, so it can tell whether a reported code belongs to the reservation.
/// </summary>
/// <param name="Text">Eight upper-case hex digits.</param>
public sealed record ReservationConfirmationCode(string Text)
{
    public const string CodeName = "confirmation code";

    private const int DigestBytes = 3;

    public static ReservationConfirmationCode For(ReservationAuthorizationCode authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var digest = SHA256.HashData(ReservationSignedData.Confirmation(authorization.Signature))[..DigestBytes];
        return new ReservationConfirmationCode(Convert.ToHexString([.. digest, Crc8(digest)]));
    }

    public override string ToString() => Text;

    /// <summary>Reads a confirmation code, or returns false when it is not 8 hex digits or its check digits do not match.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReservationConfirmationCode? code, [NotNullWhen(false)] out ReservationCodeError? error)
    {
        code = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length != (DigestBytes + 1) * 2 || !trimmed.All(char.IsAsciiHexDigit))
        {
            error = new ReservationCodeError(ReservationCodeProblem.Malformed,
                $"'{trimmed}' is not a confirmation code: a confirmation code is 8 hex digits.");
            return false;
        }

        var bytes = Convert.FromHexString(trimmed);
        if (Crc8(bytes.AsSpan(0, DigestBytes)) != bytes[DigestBytes])
        {
            error = new ReservationCodeError(ReservationCodeProblem.Typo,
                $"The confirmation code '{trimmed}' has a typing error: its last two digits do not check. Copy it again from the device.");
            return false;
        }

        code = new ReservationConfirmationCode(trimmed.ToUpperInvariant());
        error = null;
        return true;
    }

    /// <summary>CRC-8 with polynomial 0x07; it catches every error confined to one hex digit.</summary>
    private static byte Crc8(ReadOnlySpan<byte> data)
    {
        byte crc = 0;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x07) : (byte)(crc << 1);
            }
        }

        return crc;
    }
}
