using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Protocol.Tokens;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Tokens;

/// <summary>Creates, lists and revokes registration tokens.</summary>
public sealed class TokenService(LicensingDbContext db, ServerCredentials credentials, TimeProvider timeProvider)
{
    public const int MinExpiresAfterDays = 1;
    public const int MaxExpiresAfterDays = 365;
    public const int DefaultExpiresAfterDays = 30;
    public const int MaxDescriptionLength = 200;

    /// <summary>Characters of the token text kept for lists; too few to register with.</summary>
    public const int DisplayPrefixLength = 20;

    public async Task<Result<CreatedTokenView>> CreateAsync(string virtualAccountName, CreateTokenRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var found = await VirtualAccountLookup.FindAsync(db, virtualAccountName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var days = request.ExpiresAfterDays ?? DefaultExpiresAfterDays;
        if (days is < MinExpiresAfterDays or > MaxExpiresAfterDays)
        {
            return new TokenExpiryInvalid(days);
        }

        if (request.MaxUses is < 1)
        {
            return new TokenMaxUsesInvalid(request.MaxUses.Value);
        }

        if (request.Description is { Length: > MaxDescriptionLength })
        {
            return new TokenDescriptionInvalid(request.Description.Length);
        }

        var account = found.Value;
        var createdUnixMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(createdUnixMs);
        var tokenId = Guid.NewGuid();
        var body = RegistrationToken.FormatBody(tokenId, createdUnixMs);
        var mac = HMACSHA256.HashData(credentials.TokenMacKey, System.Text.Encoding.ASCII.GetBytes(body));
        var text = new RegistrationToken(tokenId, createdUnixMs, mac).Encode();

        var record = new RegistrationTokenRecord
        {
            Id = tokenId,
            VirtualAccountId = account.Id,
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            CreatedAt = createdAt,
            ExpiresAt = createdAt.AddDays(days),
            MaxUses = request.MaxUses,
            ExportControlled = request.ExportControlled ?? true,
            TokenHash = SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(text)),
            DisplayPrefix = text[..DisplayPrefixLength],
            CreatedBy = actor,
            Version = Guid.NewGuid(),
        };
        db.RegistrationTokens.Add(record);

        var exportText = record.ExportControlled ? "export-controlled allowed" : "export-controlled not allowed";
        var usesText = record.MaxUses is { } maxUses ? Count(maxUses, "use") : "unlimited uses";
        EventLog.Add(db, createdAt, account.Id, actor, EventCategories.Token,
            $"Token created: {record.DisplayPrefix}..., expires {record.ExpiresAt:yyyy-MM-dd} ({Count(days, "day")}), {usesText} ({exportText}).");
        await db.SaveChangesAsync(cancellationToken);

        return new CreatedTokenView(
            record.Id,
            text,
            account.Name,
            record.Description,
            record.CreatedAt,
            record.ExpiresAt,
            record.MaxUses,
            record.Uses,
            record.ExportControlled,
            TokenStatus.Of(record, createdAt),
            record.CreatedBy);
    }

    public async Task<Result<IReadOnlyList<TokenView>>> ListAsync(string? virtualAccountName, CancellationToken cancellationToken)
    {
        var query = db.RegistrationTokens.AsNoTracking();
        if (virtualAccountName is not null)
        {
            var found = await VirtualAccountLookup.FindAsync(db, virtualAccountName, cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var id = found.Value.Id;
            query = query.Where(t => t.VirtualAccountId == id);
        }

        var names = await VirtualAccountLookup.NamesAsync(db, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var tokens = await query.OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return tokens.Select(t => ToView(t, names.GetValueOrDefault(t.VirtualAccountId, string.Empty), now)).ToList();
    }

    public async Task<Result<TokenView>> RevokeAsync(string id, string actor, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var tokenId))
        {
            return new TokenNotFound(id);
        }

        var token = await db.RegistrationTokens.FirstOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null)
        {
            return new TokenNotFound(id);
        }

        if (token.RevokedAt is { } revokedAt)
        {
            return new TokenAlreadyRevoked(token.Id, revokedAt);
        }

        var now = timeProvider.GetUtcNow();
        token.RevokedAt = now;
        token.Version = Guid.NewGuid();
        EventLog.Add(db, now, token.VirtualAccountId, actor, EventCategories.Token, $"Token revoked: {token.DisplayPrefix}...");
        await db.SaveChangesAsync(cancellationToken);

        var name = await db.VirtualAccounts.Where(v => v.Id == token.VirtualAccountId).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken);
        return ToView(token, name ?? string.Empty, now);
    }

    private static string Count(int value, string unit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? "" : "s")}");

    private static TokenView ToView(RegistrationTokenRecord token, string virtualAccount, DateTimeOffset now)
    {
        var daysLeft = (int)Math.Ceiling((token.ExpiresAt - now).TotalDays);
        return new TokenView(
            token.Id,
            token.DisplayPrefix,
            virtualAccount,
            token.Description,
            token.ExpiresAt,
            Math.Max(0, daysLeft),
            token.Uses,
            token.MaxUses,
            token.ExportControlled,
            TokenStatus.Of(token, now),
            token.CreatedBy,
            token.CreatedAt);
    }
}
