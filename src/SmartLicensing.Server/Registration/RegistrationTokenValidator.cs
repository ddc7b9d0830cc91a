using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Tokens;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Registration;

/// <summary>
/// Checks a registration token as a registration uses it. Checking does not consume the token:
/// the registration counts the use in the same save that stores the product instance.
/// </summary>
internal sealed class RegistrationTokenValidator(LicensingDbContext db, ServerCredentials credentials)
{
    public async Task<TokenCheck> CheckAsync(string? tokenText, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!RegistrationToken.TryDecode(tokenText, out var token) || !HasValidMac(token))
        {
            return TokenCheck.Invalid(FailureReasons.TokenMalformed);
        }

        var record = await db.RegistrationTokens.SingleOrDefaultAsync(t => t.Id == token.TokenId, cancellationToken);
        if (record is null)
        {
            return TokenCheck.Invalid(FailureReasons.TokenUnknown);
        }

        if (!CryptographicOperations.FixedTimeEquals(HashOf(tokenText!), record.TokenHash))
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

    private bool HasValidMac(RegistrationToken token)
    {
        var expected = HMACSHA256.HashData(credentials.TokenMacKey, Encoding.ASCII.GetBytes(token.Body));
        return CryptographicOperations.FixedTimeEquals(expected, token.Mac);
    }
}
