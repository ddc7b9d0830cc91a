using System.Net.Http.Json;
using System.Text.Json;
using SmartLicensing.Server.Hosting;

namespace SmartLicensing.Bench;

/// <summary>The few Admin API calls the benchmark makes, with the key the authority wrote to admin.env.</summary>
internal static class AdminClient
{
    public const string DefaultVirtualAccount = "DEFAULT";
    private const string ApiKeyHeader = "X-API-Key";

    public static HttpClient Create(string url, string dataDirectory)
    {
        var apiKey = AdminEnvFile.Read(Path.Combine(dataDirectory, AdminEnvFile.FileName), AdminEnvFile.ApiKeyVariable)
            ?? throw new InvalidOperationException("The authority wrote no admin API key to admin.env.");
        var client = DeviceFleet.CreateClient(url, Path.Combine(dataDirectory, "ca.pem"), 1);
        client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        return client;
    }

    /// <summary>Creates a registration token without a use limit in the default virtual account.</summary>
    public static async Task<string> CreateTokenAsync(HttpClient admin)
    {
        using var response = await admin.PostAsJsonAsync(
            $"/api/v1/virtual-accounts/{DefaultVirtualAccount}/tokens",
            new { description = "benchmark", expiresAfterDays = 30 });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating a registration token failed: {(int)response.StatusCode} {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("token").GetString()
            ?? throw new InvalidOperationException("The token answer has no token text.");
    }
}
