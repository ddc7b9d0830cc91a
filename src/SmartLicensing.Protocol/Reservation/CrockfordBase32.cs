namespace SmartLicensing.Protocol.Reservation;

/// <summary>
/// Crockford's Base32 alphabet: digits and upper-case letters without I, L, O and U, so that a
/// code read aloud or typed from paper has no look-alike characters. Decoding ignores case and
/// reads I and L as 1 and O as 0.
/// </summary>
public static class CrockfordBase32
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Returns the 5-bit value of a character, or -1 when it is not in the alphabet.</summary>
    public static int ValueOf(char c) => char.ToUpperInvariant(c) switch
    {
        'I' or 'L' => 1,
        'O' => 0,
        var upper => Alphabet.IndexOf(upper, StringComparison.Ordinal),
    };

    /// <summary>Number of characters that hold <paramref name="byteCount"/> bytes.</summary>
    public static int CharCount(int byteCount) => ((byteCount * 8) + 4) / 5;

    /// <summary>Encodes bytes as a big-endian bit stream, 5 bits per character, the last padded with zero bits.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[CharCount(data.Length)];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[index++] = Alphabet[(buffer >> bits) & 31];
            }
        }

        if (bits > 0)
        {
            chars[index] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars);
    }

    /// <summary>
    /// Decodes 5-bit values into exactly <paramref name="byteCount"/> bytes. Returns false when the
    /// count of values does not match or the padding bits are not zero.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<int> values, int byteCount, out byte[] data)
    {
        data = [];
        if (values.Length != CharCount(byteCount))
        {
            return false;
        }

        var output = new byte[byteCount];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var value in values)
        {
            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                if (index < byteCount)
                {
                    output[index++] = (byte)(buffer >> bits);
                }
            }
        }

        if ((buffer & ((1 << bits) - 1)) != 0)
        {
            return false;
        }

        data = output;
        return true;
    }
}
