using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Tokens;

public sealed record TokenExpiryInvalid(int Days) : Error(ErrorKind.Invalid, "token-expiry-invalid",
    $"expiresAfterDays is {Days}; a token must expire after {TokenService.MinExpiresAfterDays} to {TokenService.MaxExpiresAfterDays} days. Choose a value in that range.");

public sealed record TokenMaxUsesInvalid(int MaxUses) : Error(ErrorKind.Invalid, "token-max-uses-invalid",
    $"maxUses is {MaxUses}; it must be 1 or more. Leave it out for a token without a use limit.");

public sealed record TokenDescriptionInvalid(int Length) : Error(ErrorKind.Invalid, "token-description-invalid",
    $"The description has {Length} characters; a token description may have at most {TokenService.MaxDescriptionLength}. Shorten it.");

public sealed record TokenNotFound(string Id) : Error(ErrorKind.NotFound, "token-not-found",
    $"Registration token '{Id}' was not found. List the tokens with GET /api/v1/tokens and use the id of one of them.");

public sealed record TokenAlreadyRevoked(Guid Id, DateTimeOffset RevokedAt) : Error(ErrorKind.Conflict, "token-already-revoked",
    $"Registration token '{Id}' was already revoked at {RevokedAt:yyyy-MM-dd HH:mm:ss} UTC. Nothing changed.");
