namespace SmartLicensing.Protocol.Encoding;

/// <summary>Base64url without padding (RFC 4648 section 5), as JWS uses it.</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return System.Buffers.Text.Base64Url.DecodeFromChars(text);
    }

    /// <summary>Decodes <paramref name="text"/>, or returns false when it is not valid base64url.</summary>
    public static bool TryDecode(string? text, out byte[] data)
    {
        data = [];
        if (text is null || !System.Buffers.Text.Base64Url.IsValid(text))
        {
            return false;
        }

        data = System.Buffers.Text.Base64Url.DecodeFromChars(text);
        return true;
    }
}
