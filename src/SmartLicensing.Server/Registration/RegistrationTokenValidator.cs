using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Tokens;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tokens;

namespace SmartLicensing.Server.Registration;

/// <summary>
/// Checks a registration token as a registration uses it. Checking does not consume the token:
/// the registration counts the use in the same save that stores the product instance.
/// </summary>
internal sealed class RegistrationTokenValidator(LicensingDbContext db, ServerCredentials credentials)
{
    public async Task<TokenCheck> CheckAsync(string? tokenText, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ReadTokenId(credentials, tokenText) is not { } tokenId)
        {
            return TokenCheck.Invalid(FailureReasons.TokenMalformed);
        }

        var record = await db.RegistrationTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        return Evaluate(record, tokenText!, now);
    }

    /// <summary>The token's ID when the text is a token this server issued (its MAC checks out); null otherwise.</summary>
    public static Guid? ReadTokenId(ServerCredentials credentials, string? tokenText)
    {
        if (!RegistrationToken.TryDecode(tokenText, out var token))
        {
            return null;
        }

        var expected = HMACSHA256.HashData(credentials.TokenMacKey, Encoding.ASCII.GetBytes(token.Body));
        return CryptographicOperations.FixedTimeEquals(expected, token.Mac) ? token.TokenId : null;
    }

    /// <summary>Whether the stored record lets <paramref name="tokenText"/> register a device at <paramref name="now"/>.</summary>
    public static TokenCheck Evaluate(RegistrationTokenRecord? record, string tokenText, DateTimeOffset now)
    {
        if (record is null || !CryptographicOperations.FixedTimeEquals(HashOf(tokenText), record.TokenHash))
        {
            return TokenCheck.Invalid(FailureReasons.TokenUnknown);
        }

        if (record.RevokedAt is not null)
        {
            return TokenCheck.Invalid(FailureReasons.TokenRevoked, record);
        }

        if (now >= record.ExpiresAt)
        {
            return TokenCheck.Invalid(FailureReasons.TokenExpired, record);
        }

        if (record.MaxUses is { } maxUses && record.Uses >= maxUses)
        {
            return TokenCheck.Invalid(FailureReasons.TokenUsedUp, record);
        }

        return TokenCheck.Valid(record);
    }

    /// <summary>SHA-256 of the token text with white space removed, as stored in the token record.</summary>
    public static byte[] HashOf(string tokenText)
    {
        var compact = new StringBuilder(tokenText.Length);
        foreach (var c in tokenText)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(compact.ToString()));
    }
}
