using System.Globalization;
using System.Net;
using System.Text.Json;

namespace SmartLicensing.Cli.Api;

/// <summary>A failed Admin API request: the stable code (when the server gave one), a message and the HTTP status.</summary>
internal sealed record ApiError(string? Code, string Message, int? Status)
{
    /// <summary>The line printed to stderr: <c>error: &lt;detail&gt; (&lt;code&gt;)</c>.</summary>
    public string Format()
    {
        if (Code is not null)
        {
            return $"error: {Message} ({Code})";
        }

        return Status is { } status
            ? string.Create(CultureInfo.InvariantCulture, $"error: {Message} (HTTP {status})")
            : $"error: {Message}";
    }

    /// <summary>Reads a ProblemDetails body (<c>code</c>, <c>title</c>, <c>detail</c>); any other body keeps only the status.</summary>
    public static ApiError FromResponse(HttpStatusCode status, string? reasonPhrase, string body)
    {
        var statusCode = (int)status;
        string? code = null;
        string? title = null;
        string? detail = null;

        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    code = ReadString(document.RootElement, "code");
                    title = ReadString(document.RootElement, "title");
                    detail = ReadString(document.RootElement, "detail");
                }
            }
            catch (JsonException)
            {
                // Not ProblemDetails, for example a proxy's HTML page: fall back to the status line.
            }
        }

        var message = CliHints.Apply(code, detail ?? title ?? DefaultMessage(status, reasonPhrase));
        return new ApiError(code, message, statusCode);
    }

    private static string DefaultMessage(HttpStatusCode status, string? reasonPhrase) => status switch
    {
        HttpStatusCode.Unauthorized => "the license server rejected the API key. Check --api-key, admin.env or SMARTLIC_API_KEY",
        HttpStatusCode.Forbidden => "the API key is not allowed to do this",
        HttpStatusCode.NotFound => "not found on the license server",
        _ => string.Create(CultureInfo.InvariantCulture, $"the license server returned {(int)status} {reasonPhrase}").TrimEnd(),
    };

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
