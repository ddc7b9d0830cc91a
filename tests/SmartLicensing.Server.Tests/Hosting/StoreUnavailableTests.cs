using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Hosting;

public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task AdminRequest_ConnectionLost_Returns503AndSavesNothing()
    {
        await using var database = TestDatabase.Create(StoreKind.Postgres);
        await using var proxy = new LoopbackProxy(database.ServerEndPoint());
        await using var server = await AuthorityServer.StartAsync(AuthorityServer.NewDataDirectory(), database.Through(proxy.Port), ownsDirectory: true);
        await (await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Before" })).JsonAsync(201);
        var eventsBefore = await server.WithDbAsync(db => db.Events.CountAsync(TestContext.Current.CancellationToken));

        proxy.Cut();
        var response = await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "During" });

        var problem = await ProblemAssert.HasCodeAsync(response, 503, "store-unavailable");
        Assert.Contains("Send the request again", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");

        proxy.Restore();
        var names = await RetryAsync(async () =>
        {
            var list = await server.Client.GetAsync("/api/v1/virtual-accounts", TestContext.Current.CancellationToken);
            return list.StatusCode == HttpStatusCode.OK ? await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken) : null;
        });
        Assert.Contains("\"Before\"", names, StringComparison.Ordinal);
        Assert.DoesNotContain("\"During\"", names, StringComparison.Ordinal);
        var eventsAfter = await server.WithDbAsync(db => db.Events.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(eventsBefore, eventsAfter);

        var again = await RetryAsync(async () =>
        {
            var created = await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "During" });
            return created.StatusCode == HttpStatusCode.ServiceUnavailable ? null : created;
        });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    // The pool may still contain connections that the cut broke, so a client retries as the 503 requests.
    private static async Task<T> RetryAsync<T>(Func<Task<T?>> attempt)
        where T : class
    {
        for (var i = 0; i < 20; i++)
        {
            var result = await attempt();
            if (result is not null)
            {
                return result;
            }
        }

        throw new InvalidOperationException("Still unavailable after 20 attempts.");
    }
}
