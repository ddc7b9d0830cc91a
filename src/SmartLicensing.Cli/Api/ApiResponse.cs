using System.Text.Json;

namespace SmartLicensing.Cli.Api;

/// <summary>The answer to one Admin API request: the body on success, or the error.</summary>
internal sealed record ApiResponse(string Body, ApiError? Error)
{
    public bool IsSuccess => Error is null;

    /// <summary>Deserializes the body; throws <see cref="JsonException"/> when it does not have the expected shape.</summary>
    public T Read<T>() =>
        JsonSerializer.Deserialize<T>(Body, CliJson.Options)
        ?? throw new JsonException("The license server returned an empty JSON body.");
}
