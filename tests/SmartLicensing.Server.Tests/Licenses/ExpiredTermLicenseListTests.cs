using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Server.Compliance;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Licenses;

public sealed class ExpiredTermLicenseListTests
{
    [Fact]
    public async Task List_TermEndedWhileInUse_ShowsEndAsExpired()
    {
        await using var server = await AuthorityServer.StartAsync();
        var expires = server.Time.GetUtcNow().AddDays(100);
        var body = new { lines = new[] { new { pid = "L-ASAV10S-K9=", quantity = 2, expires = expires.ToString("O", CultureInfo.InvariantCulture) } } };
        await (await server.Client.PostJsonAsync("/api/v1/virtual-accounts/DEFAULT/licenses", body)).JsonAsync(201);
        await server.WithDbAsync(async db =>
        {
            var balance = await db.EntitlementBalances.SingleAsync(b => b.Tag == Seed.Standard1G, TestContext.Current.CancellationToken);
            balance.InUse = 1;
            balance.Version = Guid.NewGuid();
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        server.Time.SetUtcNow(expires.AddDays(1));
        await using (var scope = server.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ComplianceRunner>().RunAsync(scope.ServiceProvider, TestContext.Current.CancellationToken);
        }

        var licenses = await (await server.Client.GetAsync("/api/v1/licenses", TestContext.Current.CancellationToken)).JsonAsync(200);
        var license = Assert.Single(licenses.EnumerateArray());
        Assert.Equal(0, license.GetProperty("purchased").GetInt32());
        Assert.Equal(expires, license.GetProperty("expires").GetDateTimeOffset());
        Assert.True(license.GetProperty("expired").GetBoolean());
    }
}
