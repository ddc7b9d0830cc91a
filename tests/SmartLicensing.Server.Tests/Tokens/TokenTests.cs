using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Protocol.Tokens;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Tokens;

public abstract class TokenTests(StoreKind store) : StoreTests(store)
{
    private const string DefaultTokens = "/api/v1/virtual-accounts/DEFAULT/tokens";

    [Fact]
    public async Task Create_NoOptions_IsActiveFor30DaysWithExportControl()
    {
        await using var server = await StartServerAsync();
        var now = server.Time.GetUtcNow();

        var created = await (await server.Client.PostJsonAsync(DefaultTokens, new { description = "lab ASAv" })).JsonAsync(201);

        Assert.Equal("DEFAULT", created.GetProperty("virtualAccount").GetString());
        Assert.Equal("lab ASAv", created.GetProperty("description").GetString());
        Assert.Equal("ACTIVE", created.GetProperty("status").GetString());
        Assert.Equal("admin", created.GetProperty("createdBy").GetString());
        Assert.True(created.GetProperty("exportControlled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("maxUses").ValueKind);
        Assert.Equal(0, created.GetProperty("uses").GetInt32());
        var createdAt = created.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(createdAt.AddDays(30), created.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.True((createdAt - now).Duration() < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Create_Token_HasValidMacAndOnlyHashIsStored()
    {
        await using var server = await StartServerAsync();

        var created = await (await server.Client.PostJsonAsync(DefaultTokens, new { })).JsonAsync(201);

        var text = created.GetProperty("token").GetString()!;
        Assert.True(text.Length <= RegistrationToken.MaxLength);
        Assert.True(RegistrationToken.TryDecode(text, out var token));
        Assert.Equal(created.GetProperty("id").GetGuid(), token.TokenId);
        var key = server.App.Services.GetRequiredService<ServerCredentials>().TokenMacKey;
        Assert.Equal(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(token.Body)), token.Mac);

        var record = await server.WithDbAsync(db => db.RegistrationTokens.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(text)), record.TokenHash);
        Assert.Equal(text[..20], record.DisplayPrefix);
        var list = await server.Client.GetStringAsync("/api/v1/tokens", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(text, list, StringComparison.Ordinal);
        var events = await server.Client.GetStringAsync("/api/v1/events", TestContext.Current.CancellationToken);
        Assert.Contains("(export-controlled allowed)", events, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, HttpStatusCode.Created)]
    [InlineData(365, HttpStatusCode.Created)]
    [InlineData(0, HttpStatusCode.BadRequest)]
    [InlineData(366, HttpStatusCode.BadRequest)]
    [InlineData(-5, HttpStatusCode.BadRequest)]
    public async Task Create_ExpiresAfterDays_AcceptsOnly1To365(int days, HttpStatusCode expected)
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.PostJsonAsync(DefaultTokens, new { expiresAfterDays = days });

        if (expected == HttpStatusCode.BadRequest)
        {
            var problem = await ProblemAssert.HasCodeAsync(response, 400, "token-expiry-invalid");
            Assert.Contains(days.ToString(System.Globalization.CultureInfo.InvariantCulture), ProblemAssert.Detail(problem), StringComparison.Ordinal);
        }
        else
        {
            var created = await response.JsonAsync(201);
            Assert.Equal(created.GetProperty("createdAt").GetDateTimeOffset().AddDays(days), created.GetProperty("expiresAt").GetDateTimeOffset());
        }
    }

    [Fact]
    public async Task Create_MaxUsesZero_Returns400()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.PostJsonAsync(DefaultTokens, new { maxUses = 0 });

        await ProblemAssert.HasCodeAsync(response, 400, "token-max-uses-invalid");
    }

    [Fact]
    public async Task Create_ExportControlledFalse_IsStoredAndLogged()
    {
        await using var server = await StartServerAsync();

        var created = await (await server.Client.PostJsonAsync(DefaultTokens, new { exportControlled = false, maxUses = 3 })).JsonAsync(201);

        Assert.False(created.GetProperty("exportControlled").GetBoolean());
        Assert.Equal(3, created.GetProperty("maxUses").GetInt32());
        var events = await server.Client.GetStringAsync("/api/v1/events", TestContext.Current.CancellationToken);
        Assert.Contains("(export-controlled not allowed)", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownVirtualAccount_Returns404()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.PostJsonAsync("/api/v1/virtual-accounts/Nowhere/tokens", new { });

        await ProblemAssert.HasCodeAsync(response, 404, "virtual-account-not-found");
    }

    [Fact]
    public async Task List_AfterTimePassesUsesAndRevoke_ShowsEachStatus()
    {
        await using var server = await StartServerAsync();
        var shortLived = await CreateAsync(server, new { description = "short", expiresAfterDays = 1 });
        var usedUp = await CreateAsync(server, new { description = "once", maxUses = 1 });
        var revoked = await CreateAsync(server, new { description = "gone" });
        var active = await CreateAsync(server, new { description = "year", expiresAfterDays = 365 });
        await server.WithDbAsync(async db =>
        {
            var token = await db.RegistrationTokens.SingleAsync(t => t.Id == usedUp, TestContext.Current.CancellationToken);
            token.Uses = 1;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        (await server.Client.PostAsync($"/api/v1/tokens/{revoked}/revoke", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        server.Time.Advance(TimeSpan.FromDays(2));
        var list = await (await server.Client.GetAsync("/api/v1/tokens?virtualAccount=DEFAULT", TestContext.Current.CancellationToken)).JsonAsync(200);

        var byId = list.EnumerateArray().ToDictionary(t => t.GetProperty("id").GetGuid());
        Assert.Equal(4, byId.Count);
        Assert.Equal("EXPIRED", byId[shortLived].GetProperty("status").GetString());
        Assert.Equal(0, byId[shortLived].GetProperty("expiresInDays").GetInt32());
        Assert.Equal("USED UP", byId[usedUp].GetProperty("status").GetString());
        Assert.Equal("REVOKED", byId[revoked].GetProperty("status").GetString());
        Assert.Equal("ACTIVE", byId[active].GetProperty("status").GetString());
        Assert.Equal(363, byId[active].GetProperty("expiresInDays").GetInt32());
        Assert.Equal(20, byId[active].GetProperty("tokenPrefix").GetString()!.Length);
        Assert.Equal("admin", byId[active].GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task Revoke_Twice_Returns409SecondTime()
    {
        await using var server = await StartServerAsync();
        var id = await CreateAsync(server, new { });

        var first = await server.Client.PostAsync($"/api/v1/tokens/{id}/revoke", null, TestContext.Current.CancellationToken);
        var second = await server.Client.PostAsync($"/api/v1/tokens/{id}/revoke", null, TestContext.Current.CancellationToken);

        Assert.Equal("REVOKED", (await first.JsonAsync(200)).GetProperty("status").GetString());
        await ProblemAssert.HasCodeAsync(second, 409, "token-already-revoked");
    }

    [Theory]
    [InlineData("8d5a6a2e-3f0b-4a53-9d6c-0a8e7b1c2d3f")]
    [InlineData("not-a-guid")]
    public async Task Revoke_UnknownId_Returns404(string id)
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.PostAsync($"/api/v1/tokens/{id}/revoke", null, TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.HasCodeAsync(response, 404, "token-not-found");
        Assert.Contains(id, ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    private static async Task<Guid> CreateAsync(AuthorityServer server, object request) =>
        (await (await server.Client.PostJsonAsync(DefaultTokens, request)).JsonAsync(201)).GetProperty("id").GetGuid();
}

public sealed class SqliteTokenTests() : TokenTests(StoreKind.Sqlite);

public sealed class PostgresTokenTests() : TokenTests(StoreKind.Postgres);
