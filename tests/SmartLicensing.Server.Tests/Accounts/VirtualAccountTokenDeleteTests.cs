using System.Net;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Accounts;

/// <summary>A virtual account with tokens that can still register devices is not deleted with them.</summary>
public abstract class VirtualAccountTokenDeleteTests(StoreKind store) : StoreTests(store)
{
    [Fact]
    public async Task Delete_AccountWithActiveToken_Returns409ListingTheToken()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" });
        var tokenId = await CreateTokenAsync(server, 30);

        var response = await server.Client.DeleteAsync("/api/v1/virtual-accounts/Lab", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.HasCodeAsync(response, 409, "virtual-account-has-active-tokens");
        Assert.Contains(tokenId, ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_AfterRevokingTheToken_Returns204()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" });
        var tokenId = await CreateTokenAsync(server, 30);
        (await server.Client.PostAsync($"/api/v1/tokens/{tokenId}/revoke", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var response = await server.Client.DeleteAsync("/api/v1/virtual-accounts/Lab", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Delete_WithOnlyAnExpiredToken_Returns204()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" });
        await CreateTokenAsync(server, 1);
        server.Time.Advance(TimeSpan.FromDays(2));

        var response = await server.Client.DeleteAsync("/api/v1/virtual-accounts/Lab", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task<string> CreateTokenAsync(AuthorityServer server, int days)
    {
        var created = await (await server.Client.PostJsonAsync("/api/v1/virtual-accounts/Lab/tokens", new { expiresAfterDays = days })).JsonAsync(201);
        return created.GetProperty("id").GetString()!;
    }
}

public sealed class SqliteVirtualAccountTokenDeleteTests() : VirtualAccountTokenDeleteTests(StoreKind.Sqlite);

public sealed class PostgresVirtualAccountTokenDeleteTests() : VirtualAccountTokenDeleteTests(StoreKind.Postgres);
