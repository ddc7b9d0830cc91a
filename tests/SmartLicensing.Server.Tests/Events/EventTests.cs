using System.Net.Http.Headers;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Events;

public abstract class EventTests(StoreKind store) : StoreTests(store)
{
    [Fact]
    public async Task List_Json_NewestFirstWithActorAndLimit()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "First" });
        server.Time.Advance(TimeSpan.FromSeconds(1));
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Second" });

        var events = await (await server.Client.GetAsync("/api/v1/events?limit=2", TestContext.Current.CancellationToken)).JsonAsync(200);

        var list = events.EnumerateArray().ToList();
        Assert.Equal(2, list.Count);
        Assert.Equal("Virtual account 'Second' created.", list[0].GetProperty("message").GetString());
        Assert.Equal("Second", list[0].GetProperty("virtualAccount").GetString());
        Assert.Equal("admin", list[0].GetProperty("actor").GetString());
        Assert.Equal("account", list[0].GetProperty("category").GetString());
        Assert.Equal("Virtual account 'First' created.", list[1].GetProperty("message").GetString());
        Assert.True(list[0].GetProperty("time").GetDateTimeOffset() > list[1].GetProperty("time").GetDateTimeOffset());
    }

    [Fact]
    public async Task List_FilteredByVirtualAccount_ShowsOnlyItsEvents()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" });

        var events = await (await server.Client.GetAsync("/api/v1/events?virtualAccount=DEFAULT", TestContext.Current.CancellationToken)).JsonAsync(200);

        Assert.All(events.EnumerateArray(), e => Assert.Equal("DEFAULT", e.GetProperty("virtualAccount").GetString()));
        Assert.NotEmpty(events.EnumerateArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10001)]
    public async Task List_LimitOutOfRange_Returns400(int limit)
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.GetAsync($"/api/v1/events?limit={limit}", TestContext.Current.CancellationToken);

        await ProblemAssert.HasCodeAsync(response, 400, "event-limit-invalid");
    }

    [Fact]
    public async Task List_AcceptCsv_QuotesFieldsPerRfc4180()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab, \"east\"" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events?limit=1");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n");
        Assert.Equal("time,virtual_account,actor,category,message", lines[0]);
        Assert.EndsWith(",\"Lab, \"\"east\"\"\",admin,account,\"Virtual account 'Lab, \"\"east\"\"' created.\"", lines[1], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[2]);
    }

    [Fact]
    public async Task List_FormatCsvQuery_ReturnsCsv()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.GetAsync("/api/v1/events?format=csv", TestContext.Current.CancellationToken);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("time,virtual_account,actor,category,message\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Smart account 'Lab Smart Account' created.", text, StringComparison.Ordinal);
    }
}

public sealed class SqliteEventTests() : EventTests(StoreKind.Sqlite);

public sealed class PostgresEventTests() : EventTests(StoreKind.Postgres);
