using System.Net.Http.Headers;
using System.Net.Http.Json;
using SmartLicensing.Cli.Connection;

namespace SmartLicensing.Cli.Api;

/// <summary>Sends Admin API requests with the bearer API key and turns every answer into an <see cref="ApiResponse"/>.</summary>
internal sealed class AdminApiClient : IDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    private readonly HttpClient _http;

    public AdminApiClient(ConnectionSettings settings, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(settings);

        Server = settings.Server;
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = settings.Server, Timeout = RequestTimeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
    }

    public Uri Server { get; }

    public Task<ApiResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<ApiResponse> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    public Task<ApiResponse> PostAsync(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = ToJson(body) }, cancellationToken);

    public Task<ApiResponse> PatchAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Patch, path) { Content = ToJson(body) }, cancellationToken);

    public Task<ApiResponse> PostContentAsync(string path, HttpContent content, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static JsonContent? ToJson(object? body) =>
        body is null ? null : JsonContent.Create(body, body.GetType(), options: CliJson.Options);

    private async Task<ApiResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new ApiResponse(body, null);
            }

            return new ApiResponse(body, ApiError.FromResponse(response.StatusCode, response.ReasonPhrase, body));
        }
    }
}
