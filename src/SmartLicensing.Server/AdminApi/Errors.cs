namespace SmartLicensing.Server.AdminApi;

public sealed record ApiKeyMissing() : Error(ErrorKind.Unauthorized, "api-key-missing",
    "The request has no API key. Send it as 'Authorization: Bearer <key>' or in the 'X-API-Key' header; the key is in admin.env in the server's data folder.");

public sealed record ApiKeyInvalid() : Error(ErrorKind.Unauthorized, "api-key-invalid",
    "The API key is not valid on this license server. Use the key from admin.env in the server's data folder.");

public sealed record ApiKeyRateLimited() : Error(ErrorKind.TooManyRequests, "api-key-rate-limited",
    "Too many requests with an invalid API key came from this address. Wait a minute, then retry with the key from admin.env.");

public sealed record RequestInvalid(string Reason) : Error(ErrorKind.Invalid, "request-invalid",
    $"The request is not valid: {Reason} Check it against the OpenAPI document at /openapi/v1.json.");
