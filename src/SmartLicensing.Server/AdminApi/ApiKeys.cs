using System.Security.Cryptography;
using System.Text;
using SmartLicensing.Protocol.Encoding;

namespace SmartLicensing.Server.AdminApi;

/// <summary>Admin API key text and its stored hash.</summary>
public static class ApiKeys
{
    public const string Prefix = "slk_";

    /// <summary>Name of the key created at first start; it is the actor of the changes made with it.</summary>
    public const string AdminKeyName = "admin";

    private const int SecretBytes = 32;

    /// <summary>Creates key text: <c>slk_</c> followed by 32 random bytes in base64url.</summary>
    public static string Generate() => Prefix + Base64Url.Encode(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>Returns SHA-256 of the UTF-8 key text; only this is stored.</summary>
    public static byte[] Hash(string keyText)
    {
        ArgumentNullException.ThrowIfNull(keyText);
        return SHA256.HashData(Encoding.UTF8.GetBytes(keyText));
    }
}
