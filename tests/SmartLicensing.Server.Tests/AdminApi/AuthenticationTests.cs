using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.AdminApi;

public abstract class AuthenticationTests(StoreKind store) : StoreTests(store)
{
    [Fact]
    public async Task EveryAdminRoute_NoKey_Returns401ApiKeyMissing()
    {
        await using var server = await StartServerAsync();
        var routes = AdminRoutes(server);

        Assert.True(routes.Count >= 15, $"Only {routes.Count} Admin API routes were found.");
        foreach (var (method, path) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            var response = await server.AnonymousClient.SendAsync(request, TestContext.Current.CancellationToken);

            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} returned {(int)response.StatusCode}: {body}");
            Assert.Contains("\"api-key-missing\"", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryAdminRoute_WrongKey_Returns401ApiKeyInvalid()
    {
        await using var server = await StartServerAsync();
        using var client = server.CreateClient("slk_not-the-key");

        foreach (var (method, path) in AdminRoutes(server))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

            await ProblemAssert.HasCodeAsync(response, 401, "api-key-invalid");
        }
    }

    [Fact]
    public async Task XApiKeyHeader_ValidKey_IsAccepted()
    {
        await using var server = await StartServerAsync();
        using var client = server.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Add("X-API-Key", server.ApiKey);

        var response = await client.GetAsync("/api/v1/account", TestContext.Current.CancellationToken);

        var account = await response.JsonAsync(200);
        Assert.Equal("Lab Smart Account", account.GetProperty("name").GetString());
    }

    [Fact]
    public async Task InvalidKeys_ManyFromOneAddress_AreRateLimited()
    {
        await using var server = await StartServerAsync();
        using var client = server.CreateClient("slk_wrong");

        HttpResponseMessage? last = null;
        for (var i = 0; i < 31; i++)
        {
            last = await client.GetAsync("/api/v1/account", TestContext.Current.CancellationToken);
        }

        await ProblemAssert.HasCodeAsync(last!, 429, "api-key-rate-limited");
        Assert.NotNull(last!.Headers.RetryAfter);
    }

    [Fact]
    public async Task UnknownRoute_WithKey_ReturnsProblemWithCode()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken);

        await ProblemAssert.HasCodeAsync(response, 404, "route-not-found");
    }

    /// <summary>Lists every Admin API route with sample values in place of its parameters.</summary>
    private static List<(string Method, string Path)> AdminRoutes(AuthorityServer server)
    {
        var sources = server.App.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var routes = new List<(string, string)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
            if (!pattern.StartsWith("/api/v1", StringComparison.Ordinal))
            {
                continue;
            }

            var path = pattern
                .Replace("{name}", "DEFAULT", StringComparison.Ordinal)
                .Replace("{idOrUdi}", Uri.EscapeDataString("PID:ASAv,SN:9A1B"), StringComparison.Ordinal)
                .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add((method, path));
            }
        }

        return routes;
    }
}

public sealed class SqliteAuthenticationTests() : AuthenticationTests(StoreKind.Sqlite);

public sealed class PostgresAuthenticationTests() : AuthenticationTests(StoreKind.Postgres);
