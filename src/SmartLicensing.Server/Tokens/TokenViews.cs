namespace SmartLicensing.Server.Tokens;

/// <summary>Request to create a registration token.</summary>
/// <remarks><c>ExpiresAfterDays</c>: Days until the token expires, 1 to 365; 30 when left out.</remarks>
/// <remarks><c>MaxUses</c>: Maximum number of registrations; no limit when left out.</remarks>
/// <remarks><c>ExportControlled</c>: Devices registered with the token may use export-controlled functionality; true when left out.</remarks>
public sealed record CreateTokenRequest(string? Description, int? ExpiresAfterDays, int? MaxUses, bool? ExportControlled);

/// <summary>A newly created token, with its text; the text is shown only here.</summary>
public sealed record CreatedTokenView(
    Guid Id,
    string Token,
    string VirtualAccount,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int? MaxUses,
    int Uses,
    bool ExportControlled,
    string Status,
    string CreatedBy);

/// <summary>A token in a list: its text is shortened to the stored prefix.</summary>
/// <remarks><c>ExpiresInDays</c>: Whole days until expiry, rounded up; 0 once expired.</remarks>
/// <remarks><c>Status</c>: ACTIVE, EXPIRED, REVOKED or USED UP.</remarks>
public sealed record TokenView(
    Guid Id,
    string TokenPrefix,
    string VirtualAccount,
    string? Description,
    DateTimeOffset ExpiresAt,
    int ExpiresInDays,
    int Uses,
    int? MaxUses,
    bool ExportControlled,
    string Status,
    string CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>Status words of a registration token as lists show them.</summary>
public static class TokenStatus
{
    public const string Active = "ACTIVE";
    public const string Expired = "EXPIRED";
    public const string Revoked = "REVOKED";
    public const string UsedUp = "USED UP";

    /// <summary>Returns the status at <paramref name="now"/>; revoked wins over expired, and expired over used up.</summary>
    public static string Of(RegistrationTokenRecord token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);

        if (token.RevokedAt is not null)
        {
            return Revoked;
        }

        if (now >= token.ExpiresAt)
        {
            return Expired;
        }

        return token.MaxUses is { } maxUses && token.Uses >= maxUses ? UsedUp : Active;
    }
}
