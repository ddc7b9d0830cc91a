using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace SmartLicensing.Protocol.Tokens;

/// <summary>
/// Registration token text: Base64 of <c>&lt;token id&gt;-&lt;creation unix ms&gt;|&lt;base64 MAC&gt;</c>.
/// The device treats it as opaque; the server checks the MAC and looks up the id.
/// </summary>
public sealed record RegistrationToken(Guid TokenId, long CreatedUnixMilliseconds, byte[] Mac)
{
    /// <summary>Longest token text accepted; the form is about 128 characters.</summary>
    public const int MaxLength = 140;

    /// <summary>The part the MAC is computed over: <c>&lt;token id&gt;-&lt;creation unix ms&gt;</c>.</summary>
    public string Body => FormatBody(TokenId, CreatedUnixMilliseconds);

    public static string FormatBody(Guid tokenId, long createdUnixMilliseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{tokenId:D}-{createdUnixMilliseconds}");

    public string Encode()
    {
        var inner = $"{Body}|{Convert.ToBase64String(Mac)}";
        return Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(inner));
    }

    /// <summary>Decodes token text, or returns false when it does not have the token's form.</summary>
    public static bool TryDecode(string? text, [NotNullWhen(true)] out RegistrationToken? token)
    {
        token = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // Tokens are often pasted with line breaks where a portal wrapped them.
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }

        if (compact.Length > MaxLength)
        {
            return false;
        }

        byte[] innerBytes;
        try
        {
            innerBytes = Convert.FromBase64String(compact.ToString());
        }
        catch (FormatException)
        {
            return false;
        }

        var inner = System.Text.Encoding.ASCII.GetString(innerBytes);
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return false;
        }

        var body = inner[..bar];
        var dash = body.LastIndexOf('-');
        if (dash < 0
            || !Guid.TryParseExact(body[..dash], "D", out var tokenId)
            || !long.TryParse(body[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var created))
        {
            return false;
        }

        byte[] mac;
        try
        {
            mac = Convert.FromBase64String(inner[(bar + 1)..]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (mac.Length != 32)
        {
            return false;
        }

        token = new RegistrationToken(tokenId, created, mac);
        return true;
    }
}
