using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using SmartLicensing.Protocol.Identity;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Protocol.Reservation;

/// <summary>
/// The request code a device shows for a permanent license reservation:
/// <c>CB-Z&lt;PID&gt;:&lt;SN&gt;-</c> followed by 13 checked groups. The groups hold the format
/// version, the device's reservation public key (Ed25519, made for this request), a 4-byte digest
/// of the entitlement tag requested and a CRC-16 over the whole code, the UDI included.
/// </summary>
/// <param name="Udi">Device the request is for.</param>
/// <param name="PublicKey">Raw 32-byte Ed25519 key that will sign the return code.</param>
/// <param name="EntitlementDigest">First 4 bytes of SHA-256 of the requested entitlement tag.</param>
public sealed record ReservationRequestCode(Udi Udi, byte[] PublicKey, byte[] EntitlementDigest)
{
    public const string Prefix = "CB-Z";

    public const byte FormatVersion = 1;

    public const string CodeName = "request code";

    public const int EntitlementDigestLength = 4;

    /// <summary>Version, public key, entitlement digest and CRC.</summary>
    public const int PayloadLength = 1 + Ed25519Keys.PublicKeySize + EntitlementDigestLength + 2;

    /// <summary>Bytes of <see cref="Reference"/>.</summary>
    public const int ReferenceLength = 2;

    /// <summary>
    /// Short reference to this request (first bytes of SHA-256 of its public key). Authorization
    /// and return codes carry it, so a code made for another request is named as such.
    /// </summary>
    public byte[] Reference => SHA256.HashData(PublicKey)[..ReferenceLength];

    public static ReservationRequestCode Create(Udi udi, ReadOnlySpan<byte> publicKey, string entitlementTag)
    {
        ArgumentNullException.ThrowIfNull(udi);
        ArgumentException.ThrowIfNullOrEmpty(entitlementTag);
        if (publicKey.Length != Ed25519Keys.PublicKeySize)
        {
            throw new ArgumentException($"An Ed25519 public key is {Ed25519Keys.PublicKeySize} bytes, not {publicKey.Length}.", nameof(publicKey));
        }

        return new ReservationRequestCode(udi, publicKey.ToArray(), DigestOf(entitlementTag));
    }

    /// <summary>The digest a request carries for an entitlement tag.</summary>
    public static byte[] DigestOf(string entitlementTag)
    {
        ArgumentNullException.ThrowIfNull(entitlementTag);
        return SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(entitlementTag))[..EntitlementDigestLength];
    }

    /// <summary>Whether this request is for <paramref name="entitlementTag"/>.</summary>
    public bool Requests(string entitlementTag) => EntitlementDigest.AsSpan().SequenceEqual(DigestOf(entitlementTag));

    public string Format()
    {
        byte[] body = [FormatVersion, .. PublicKey, .. EntitlementDigest];
        var payload = ReservationCodeText.WithCrc(body, Covered(Udi, body));
        return $"{Prefix}{Udi.ProductId}:{Udi.SerialNumber}{ReservationCodeText.Separator}{ReservationCodeText.Format(payload)}";
    }

    public override string ToString() => Format();

    /// <summary>Reads a request code, or returns false with the reason (a typo names its group).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReservationRequestCode? code, [NotNullWhen(false)] out ReservationCodeError? error)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new ReservationCodeError(ReservationCodeProblem.Empty, "The request code is empty. Copy the code the device printed for 'license smart reservation request'.");
            return false;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (!compact.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || colon < 0)
        {
            error = new ReservationCodeError(ReservationCodeProblem.Malformed,
                $"'{Shorten(compact)}' is not a request code: a request code starts with '{Prefix}<product id>:<serial number>-'.");
            return false;
        }

        var productId = compact[Prefix.Length..colon];
        var rest = compact[(colon + 1)..];
        var tokens = rest.Split(ReservationCodeText.Separator);
        var groups = ReservationCodeText.GroupCount(PayloadLength);
        if (tokens.Length >= groups + 1)
        {
            // Typed with dashes: the serial number is everything before the last 13 groups.
            return TryRead(
                productId,
                string.Join(ReservationCodeText.Separator, tokens[..^groups]),
                string.Join(ReservationCodeText.Separator, tokens[^groups..]),
                out code,
                out error);
        }

        // Some dashes are missing (typed without them, or with spaces): the groups are the last
        // code characters, counted from the end, and the serial number is what comes before them.
        var expected = ReservationCodeText.CharacterCount(PayloadLength);
        var split = SplitFromEnd(rest, expected);
        ReservationCodeError? fromEnd = null;
        if (split > 0 && TryRead(productId, rest[..split].TrimEnd(ReservationCodeText.Separator), rest[split..], out code, out fromEnd))
        {
            error = null;
            return true;
        }

        if (tokens.Length > 1 && tokens[1..].All(t => t.Length <= ReservationCodeText.GroupLength))
        {
            error = new ReservationCodeError(ReservationCodeProblem.WrongLength,
                $"The request code is incomplete: after the serial number it has {Groups(tokens.Length - 1)}, but a request code has {groups}. Copy the whole code again.");
            return false;
        }

        var characters = rest.Count(c => c != ReservationCodeText.Separator);
        error = fromEnd ?? new ReservationCodeError(ReservationCodeProblem.WrongLength,
            $"The request code is incomplete: after the colon it has {characters} characters, but the serial number and the {groups} groups need more than {expected}. Copy the whole code again.");
        return false;
    }

    private static bool TryRead(string productId, string serial, string groupText, [NotNullWhen(true)] out ReservationRequestCode? code, [NotNullWhen(false)] out ReservationCodeError? error)
    {
        code = null;
        if (!Udi.TryParse($"PID:{productId},SN:{serial}", out var udi, out _))
        {
            error = new ReservationCodeError(ReservationCodeProblem.Malformed,
                $"The request code names product id '{productId}' and serial number '{serial}', which do not form a UDI. Copy the whole code again.");
            return false;
        }

        if (!ReservationCodeText.TryParse(groupText, PayloadLength, CodeName, out var payload, out error))
        {
            return false;
        }

        if (!ReservationCodeText.CrcMatches(payload, Covered(udi, payload.AsSpan(0, PayloadLength - 2))))
        {
            // Every group checks, so one mistyped character can only be in the UDI typed in clear.
            error = new ReservationCodeError(ReservationCodeProblem.Typo,
                $"The request code has a typing error in its product id or serial number ('{productId}:{serial}'): every group checks, but the checksum, which also covers them, does not match. Compare them with the device's 'show license udi', or copy the whole code again.");
            return false;
        }

        if (payload[0] != FormatVersion)
        {
            error = ReservationCodeText.UnsupportedVersion(CodeName, payload[0]);
            return false;
        }

        code = new ReservationRequestCode(
            udi,
            payload[1..(1 + Ed25519Keys.PublicKeySize)],
            payload[(1 + Ed25519Keys.PublicKeySize)..(1 + Ed25519Keys.PublicKeySize + EntitlementDigestLength)]);
        return true;
    }

    // Index in text where the last `count` characters other than separators begin, or 0 when
    // nothing would be left before them for the serial number.
    private static int SplitFromEnd(string text, int count)
    {
        var seen = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == ReservationCodeText.Separator)
            {
                continue;
            }

            if (++seen == count)
            {
                return text[..i].Any(c => c != ReservationCodeText.Separator) ? i : 0;
            }
        }

        return 0;
    }

    private static string Groups(int count) => count == 1 ? "1 group" : $"{count} groups";

    // The CRC also covers the UDI, which is typed in clear at the start of the code.
    private static byte[] Covered(Udi udi, ReadOnlySpan<byte> body) => [.. System.Text.Encoding.UTF8.GetBytes("Q" + udi), .. body];

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "...";

    public bool Equals(ReservationRequestCode? other) =>
        other is not null
        && Udi == other.Udi
        && PublicKey.AsSpan().SequenceEqual(other.PublicKey)
        && EntitlementDigest.AsSpan().SequenceEqual(other.EntitlementDigest);

    public override int GetHashCode() => HashCode.Combine(Udi, Convert.ToHexString(PublicKey));
}
