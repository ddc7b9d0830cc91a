using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Server.Alerts;
using SmartLicensing.Server.Compliance;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Compliance;

public abstract class ComplianceTests(StoreKind store) : StoreTests(store)
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Run_TermLicenseOneSecondBeforeAndAtExpiry_PurchasedLoweredOnlyAtExpiry()
    {
        await using var server = await StartServerAsync();
        var expires = server.Time.GetUtcNow().AddDays(100);
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,1\n");
        await ImportTermAsync(server, 3, expires);

        server.Time.SetUtcNow(expires - OneSecond);
        await RunAsync(server);
        Assert.Equal(4, await PurchasedAsync(server));
        Assert.Empty(await ActiveAsync(server, AlertKinds.LicensesExpired));

        server.Time.SetUtcNow(expires);
        await RunAsync(server);
        Assert.Equal(1, await PurchasedAsync(server));
        var licenses = await (await server.Client.GetAsync("/api/v1/licenses", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(JsonValueKind.Null, Assert.Single(licenses.EnumerateArray()).GetProperty("expires").ValueKind);
        var expired = Assert.Single(await ActiveAsync(server, AlertKinds.LicensesExpired));
        Assert.Equal("Major", expired.GetProperty("severity").GetString());
        Assert.Contains("3 x L-ASAV10S-K9=", expired.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ActiveAsync(server, AlertKinds.LicensesExpiring));

        // A second run at the same time lowers nothing further and raises nothing again.
        await RunAsync(server);
        Assert.Equal(1, await PurchasedAsync(server));
        Assert.Equal(1, await AlertEventCountAsync(server, AlertKinds.LicensesExpired));
    }

    [Theory]
    [InlineData(90, null)]
    [InlineData(60, 90)]
    [InlineData(30, 60)]
    [InlineData(14, 30)]
    [InlineData(7, 14)]
    [InlineData(3, 7)]
    [InlineData(1, 3)]
    public async Task Run_ExpiringThreshold_RaisedAtTheThresholdNotASecondBefore(int days, int? previous)
    {
        await using var server = await StartServerAsync();
        var expires = server.Time.GetUtcNow().AddDays(200);
        await ImportTermAsync(server, 1, expires);

        server.Time.SetUtcNow(expires - TimeSpan.FromDays(days) - OneSecond);
        await RunAsync(server);
        var before = await ActiveAsync(server, AlertKinds.LicensesExpiring);
        if (previous is null)
        {
            Assert.Empty(before);
        }
        else
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"within {previous} days"), Assert.Single(before).GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        server.Time.SetUtcNow(expires - TimeSpan.FromDays(days));
        await RunAsync(server);
        var at = Assert.Single(await ActiveAsync(server, AlertKinds.LicensesExpiring));
        var unit = days == 1 ? "day" : "days";
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"within {days} {unit}"), at.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(days <= 7 ? "Major" : "Minor", at.GetProperty("severity").GetString());
        Assert.Equal(expires, at.GetProperty("actionDue").GetDateTimeOffset());
    }

    [Fact]
    public async Task Run_NegativeBalanceThenLicensesImported_InsufficientAlertRaisedOnceThenCleared()
    {
        await using var server = await StartServerAsync();
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,1\n");
        await Seed.AddProductInstanceAsync(server, "DEFAULT", "PID:ASAv,SN:AAAAAAAAAA1", (Seed.Standard1G, 1));
        await Seed.AddProductInstanceAsync(server, "DEFAULT", "PID:ASAv,SN:AAAAAAAAAA2", (Seed.Standard1G, 1));

        await RunAsync(server);
        await RunAsync(server);

        var alert = Assert.Single(await ActiveAsync(server, AlertKinds.InsufficientLicenses));
        Assert.Equal("Major", alert.GetProperty("severity").GetString());
        Assert.Contains("balance -1", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("DEFAULT", alert.GetProperty("virtualAccount").GetString());
        Assert.Equal(1, await AlertEventCountAsync(server, AlertKinds.InsufficientLicenses));

        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,1\n");
        await RunAsync(server);

        Assert.Empty(await ActiveAsync(server, AlertKinds.InsufficientLicenses));
        var all = await ListAsync(server, "?all=true");
        Assert.Contains(all, a => a.GetProperty("kind").GetString() == AlertKinds.InsufficientLicenses && a.GetProperty("clearedAt").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Run_QuietDevice_FailedToConnectAfter31DaysAndRemovedAfterOneYear()
    {
        await using var server = await StartServerAsync();
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,1\n");
        var start = server.Time.GetUtcNow();
        await Seed.AddProductInstanceAsync(server, "DEFAULT", "PID:ASAv,SN:QUIET000001", (Seed.Standard1G, 1));

        server.Time.SetUtcNow(start + CompliancePeriods.FailedToConnectAfter - OneSecond);
        await RunAsync(server);
        Assert.Empty(await ActiveAsync(server, AlertKinds.FailedToConnect));

        server.Time.SetUtcNow(start + CompliancePeriods.FailedToConnectAfter);
        await RunAsync(server);
        var quiet = Assert.Single(await ActiveAsync(server, AlertKinds.FailedToConnect));
        Assert.Equal("Minor", quiet.GetProperty("severity").GetString());
        Assert.Equal(start.AddDays(365), quiet.GetProperty("actionDue").GetDateTimeOffset());

        server.Time.SetUtcNow(start.AddDays(365) - OneSecond);
        await RunAsync(server);
        Assert.Equal(1, await server.WithDbAsync(db => db.ProductInstances.CountAsync(TestContext.Current.CancellationToken)));

        server.Time.SetUtcNow(start.AddDays(365));
        await RunAsync(server);
        Assert.Equal(0, await server.WithDbAsync(db => db.ProductInstances.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await server.WithDbAsync(db => db.EntitlementBalances.Where(b => b.Tag == Seed.Standard1G).Select(b => b.InUse).SingleAsync(TestContext.Current.CancellationToken)));
        var removed = Assert.Single(await ActiveAsync(server, AlertKinds.FailedToRenewAndRemoved));
        Assert.Contains("PID:ASAv,SN:QUIET000001", removed.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ActiveAsync(server, AlertKinds.FailedToConnect));
        Assert.Equal(1, await AlertEventCountAsync(server, AlertKinds.FailedToRenewAndRemoved));
    }

    [Fact]
    public async Task Run_RemovedQuietDevice_NextContactToldItIsNotRegistered()
    {
        await using var server = await StartServerAsync();
        using var device = new SmartLicensing.Server.Tests.DeviceEndpoint.TestDevice(server, "PID:ASAv,SN:GONEQUIET01");
        var registered = await device.RegisterAsync(await Seed.CreateTokenAsync(server));
        Assert.True(registered.Response is SmartLicensing.Protocol.Messages.RegisterResponse, registered.Describe());

        server.Time.Advance(CompliancePeriods.MaxRenewalPeriod);
        await RunAsync(server);
        var reply = await device.AuthorizeAsync((Seed.Standard1G, 1));

        Assert.Equal(SmartLicensing.Protocol.FailureReasons.NotRegistered.Code, reply.ErrorCode);
        Assert.Single(await ActiveAsync(server, AlertKinds.FailedToRenewAndRemoved));
    }

    [Fact]
    public async Task List_UnknownVirtualAccount_Returns404()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.GetAsync("/api/v1/alerts?virtualAccount=nope", TestContext.Current.CancellationToken);

        Assert.Equal(404, (int)response.StatusCode);
    }

    private static async Task ImportTermAsync(AuthorityServer server, int quantity, DateTimeOffset expires)
    {
        var body = new { lines = new[] { new { pid = "L-ASAV10S-K9=", quantity, expires = expires.ToString("O", CultureInfo.InvariantCulture) } } };
        await (await server.Client.PostJsonAsync("/api/v1/virtual-accounts/DEFAULT/licenses", body)).JsonAsync(201);
    }

    private static async Task RunAsync(AuthorityServer server)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ComplianceRunner>().RunAsync(scope.ServiceProvider, TestContext.Current.CancellationToken);
    }

    private static Task<int> PurchasedAsync(AuthorityServer server) =>
        server.WithDbAsync(db => db.EntitlementBalances.Where(b => b.Tag == Seed.Standard1G).Select(b => b.Purchased).SingleAsync(TestContext.Current.CancellationToken));

    private static Task<int> AlertEventCountAsync(AuthorityServer server, string kind) =>
        server.WithDbAsync(db => db.Events.CountAsync(e => e.Category == AlertService.EventCategory && e.Message.Contains("'" + kind + "'"), TestContext.Current.CancellationToken));

    private static async Task<List<JsonElement>> ListAsync(AuthorityServer server, string query = "")
    {
        var list = await (await server.Client.GetAsync("/api/v1/alerts" + query, TestContext.Current.CancellationToken)).JsonAsync(200);
        return list.EnumerateArray().ToList();
    }

    private static async Task<List<JsonElement>> ActiveAsync(AuthorityServer server, string kind) =>
        (await ListAsync(server)).Where(a => a.GetProperty("kind").GetString() == kind).ToList();
}

public sealed class SqliteComplianceTests() : ComplianceTests(StoreKind.Sqlite);

public sealed class PostgresComplianceTests() : ComplianceTests(StoreKind.Postgres);
