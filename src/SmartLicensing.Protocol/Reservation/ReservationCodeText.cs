using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace SmartLicensing.Protocol.Reservation;

/// <summary>
/// The typed part shared by the reservation codes: a payload in Crockford Base32, cut into groups
/// of five characters, each followed by one check character. The check character is a Damm check
/// over GF(32), so any one mistyped character and any swap of two neighbours in a group is caught
/// and the group that contains it can be named. Each payload also ends with a CRC-16 over the whole
/// code, which catches what slips past the group checks.
/// </summary>
public static class ReservationCodeText
{
    /// <summary>Data characters per group; a group is these plus one check character.</summary>
    public const int GroupDataLength = 5;

    public const int GroupLength = GroupDataLength + 1;

    public const char Separator = '-';

    /// <summary>Groups that hold a payload of <paramref name="payloadLength"/> bytes.</summary>
    public static int GroupCount(int payloadLength) =>
        (CrockfordBase32.CharCount(payloadLength) + GroupDataLength - 1) / GroupDataLength;

    /// <summary>Characters of the grouped text without separators.</summary>
    public static int CharacterCount(int payloadLength) =>
        CrockfordBase32.CharCount(payloadLength) + GroupCount(payloadLength);

    /// <summary>Writes the payload as groups joined by <see cref="Separator"/>.</summary>
    public static string Format(ReadOnlySpan<byte> payload)
    {
        var data = CrockfordBase32.Encode(payload);
        var text = new StringBuilder(data.Length * 2);
        for (var start = 0; start < data.Length; start += GroupDataLength)
        {
            if (start > 0)
            {
                text.Append(Separator);
            }

            var group = data.Substring(start, Math.Min(GroupDataLength, data.Length - start));
            text.Append(group).Append(CrockfordBase32.Alphabet[CheckValue(group)]);
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads grouped text back into a payload of <paramref name="payloadLength"/> bytes. White
    /// space and separators are ignored, so a code typed without dashes reads the same.
    /// </summary>
    /// <param name="text">The grouped text.</param>
    /// <param name="payloadLength">Bytes this kind of code holds.</param>
    /// <param name="codeName">Name of the code in messages, for example <c>authorization code</c>.</param>
    /// <param name="payload">The decoded payload.</param>
    /// <param name="error">Why the text could not be read.</param>
    public static bool TryParse(string text, int payloadLength, string codeName, out byte[] payload, [NotNullWhen(false)] out ReservationCodeError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        payload = [];
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != Separator)
            {
                compact.Append(c);
            }
        }

        var expected = CharacterCount(payloadLength);
        if (compact.Length != expected)
        {
            var groups = GroupCount(payloadLength);
            error = new ReservationCodeError(
                ReservationCodeProblem.WrongLength,
                Invariant($"The {codeName} has {compact.Length} code characters, but {Article(codeName)} {codeName} has {expected} ({groups} groups of up to {GroupLength}). Part of it is missing or extra; copy the whole code again."));
            return false;
        }

        var values = new List<int>(expected);
        var groupNumber = 0;
        for (var start = 0; start < compact.Length; start += GroupLength)
        {
            groupNumber++;
            var group = compact.ToString(start, Math.Min(GroupLength, compact.Length - start));
            var groupValues = new int[group.Length];
            for (var i = 0; i < group.Length; i++)
            {
                groupValues[i] = CrockfordBase32.ValueOf(group[i]);
                if (groupValues[i] < 0)
                {
                    error = new ReservationCodeError(
                        ReservationCodeProblem.Typo,
                        Invariant($"The {codeName} has a typing error: '{group[i]}' (character {i + 1} of group {groupNumber}, '{group}') is not a code character. Codes use the digits and the letters A to Z without I, L, O and U."),
                        groupNumber,
                        i + 1);
                    return false;
                }
            }

            if (Damm(groupValues) != 0)
            {
                error = new ReservationCodeError(
                    ReservationCodeProblem.Typo,
                    Invariant($"The {codeName} has a typing error in group {groupNumber} ('{group}', characters {start + 1} to {start + group.Length}): its check character does not match. Compare that group with the original code."),
                    groupNumber);
                return false;
            }

            values.AddRange(groupValues.AsSpan(0, group.Length - 1));
        }

        if (!CrockfordBase32.TryDecode(values.ToArray(), payloadLength, out payload))
        {
            error = new ReservationCodeError(
                ReservationCodeProblem.Typo,
                Invariant($"The {codeName} has a typing error in its last group: its unused bits are not zero. Compare the last group with the original code."),
                GroupCount(payloadLength));
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The error for a payload whose CRC does not match although every group checks.</summary>
    public static ReservationCodeError ChecksumMismatch(string codeName) => new(
        ReservationCodeProblem.Typo,
        $"The {codeName} has a typing error: every group checks, but the checksum over the whole code does not match, so two or more characters are wrong. Copy the whole code again.");

    /// <summary>The error for a payload of a version this software does not read.</summary>
    public static ReservationCodeError UnsupportedVersion(string codeName, int version) => new(
        ReservationCodeProblem.UnsupportedVersion,
        Invariant($"The {codeName} is of format version {version}, which this software does not read. Update the software or make the code again."));

    /// <summary>CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF).</summary>
    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc;
    }

    /// <summary>Appends the CRC-16 of <paramref name="covered"/> to <paramref name="payload"/>.</summary>
    internal static byte[] WithCrc(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> covered)
    {
        var result = new byte[payload.Length + 2];
        payload.CopyTo(result);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(payload.Length), Crc16(covered));
        return result;
    }

    /// <summary>Whether the last two bytes of <paramref name="payload"/> are the CRC-16 of <paramref name="covered"/>.</summary>
    internal static bool CrcMatches(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> covered) =>
        BinaryPrimitives.ReadUInt16BigEndian(payload[^2..]) == Crc16(covered);

    /// <summary>
    /// Reads a code whose CRC covers a one-letter kind tag and the body, then checks its format
    /// version. The tag keeps a code of one kind from passing as another of the same length.
    /// </summary>
    internal static bool TryReadTagged(
        string text,
        int payloadLength,
        string codeName,
        byte kindTag,
        byte formatVersion,
        out byte[] payload,
        [NotNullWhen(false)] out ReservationCodeError? error)
    {
        if (!TryParse(text, payloadLength, codeName, out payload, out error))
        {
            return false;
        }

        if (!CrcMatches(payload, Tagged(kindTag, payload.AsSpan(0, payloadLength - 2))))
        {
            error = ChecksumMismatch(codeName);
            return false;
        }

        if (payload[0] != formatVersion)
        {
            error = UnsupportedVersion(codeName, payload[0]);
            return false;
        }

        return true;
    }

    /// <summary>Formats a body as a code whose CRC covers <paramref name="kindTag"/> and the body.</summary>
    internal static string FormatTagged(byte kindTag, ReadOnlySpan<byte> body) => Format(WithCrc(body, Tagged(kindTag, body)));

    private static byte[] Tagged(byte kindTag, ReadOnlySpan<byte> body) => [kindTag, .. body];

    /// <summary>Damm check over GF(32): the quasigroup x*y = 2x + y, which catches every single substitution and adjacent swap.</summary>
    internal static int Damm(ReadOnlySpan<int> values)
    {
        var interim = 0;
        foreach (var value in values)
        {
            interim = Double(interim) ^ value;
        }

        return interim;
    }

    private static int CheckValue(string group)
    {
        var values = new int[group.Length];
        for (var i = 0; i < group.Length; i++)
        {
            values[i] = CrockfordBase32.ValueOf(group[i]);
        }

        // The check value c makes the final step 2*interim + c equal zero.
        return Double(Damm(values));
    }

    // Multiplication by x in GF(2^5) with the irreducible polynomial x^5 + x^2 + 1.
    private static int Double(int value)
    {
        var shifted = value << 1;
        return (shifted & 0x20) != 0 ? shifted ^ 0x25 : shifted;
    }

    private static string Article(string noun) => noun.Length > 0 && "aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? "an" : "a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
