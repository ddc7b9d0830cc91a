using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using SmartLicensing.Protocol.Encoding;

namespace SmartLicensing.Protocol.Signing;

/// <summary>JWS compact serialization (RFC 7515) restricted to EdDSA with Ed25519 (RFC 8037).</summary>
public static class CompactJws
{
    /// <summary>Longest compact JWS accepted, so a hostile peer cannot make us parse megabytes.</summary>
    public const int MaxLength = 64 * 1024;

    public static string Sign(JwsHeader header, ReadOnlySpan<byte> payload, Ed25519SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(key);

        var encodedHeader = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(header, ProtocolJson.Options));
        var encodedPayload = Base64Url.Encode(payload);
        var signingInput = $"{encodedHeader}.{encodedPayload}";
        var signature = key.Sign(System.Text.Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.Encode(signature)}";
    }

    /// <summary>
    /// Splits and decodes a compact JWS without checking its signature. Fails, with a reason, on
    /// anything that is not a well-formed EdDSA JWS.
    /// </summary>
    public static bool TryParse(string? compact, [NotNullWhen(true)] out ParsedJws? jws, [NotNullWhen(false)] out string? error)
    {
        jws = null;
        if (string.IsNullOrEmpty(compact))
        {
            error = "the message is empty";
            return false;
        }

        if (compact.Length > MaxLength)
        {
            error = $"the message is {compact.Length} characters long, more than the {MaxLength} allowed";
            return false;
        }

        var parts = compact.Trim().Split('.');
        if (parts.Length != 3)
        {
            error = "the message is not a compact JWS (expected three parts separated by '.')";
            return false;
        }

        if (!Base64Url.TryDecode(parts[0], out var headerBytes)
            || !Base64Url.TryDecode(parts[1], out var payload)
            || !Base64Url.TryDecode(parts[2], out var signature))
        {
            error = "a part of the JWS is not valid base64url";
            return false;
        }

        JwsHeader? header;
        try
        {
            header = JsonSerializer.Deserialize<JwsHeader>(headerBytes, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            header = null;
        }

        if (header is null)
        {
            error = "the JWS header is not valid JSON";
            return false;
        }

        if (header.Algorithm != JwsHeader.EdDsa)
        {
            error = $"the JWS algorithm '{header.Algorithm}' is not supported; only EdDSA is accepted";
            return false;
        }

        var signingInput = System.Text.Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        jws = new ParsedJws(header, payload, signingInput, signature);
        error = null;
        return true;
    }
}

/// <summary>A decoded compact JWS whose signature has not been checked yet.</summary>
public sealed class ParsedJws(JwsHeader header, byte[] payload, byte[] signingInput, byte[] signature)
{
    public JwsHeader Header { get; } = header;

    public byte[] Payload { get; } = payload;

    public bool Verify(ReadOnlySpan<byte> publicKey) => Ed25519Keys.Verify(publicKey, signingInput, signature);

    public string PayloadText => System.Text.Encoding.UTF8.GetString(Payload);
}
