using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Devices;

public abstract class ProductInstanceTests(StoreKind store) : StoreTests(store)
{
    private const string Udi = "PID:ASAv,SN:9A1B2C3D";

    [Fact]
    public async Task List_SeededInstance_ShowsEntitlementsWithNames()
    {
        await using var server = await StartServerAsync();
        var id = await Seed.AddProductInstanceAsync(server, "DEFAULT", Udi, (Seed.Standard1G, 1));

        var list = await (await server.Client.GetAsync("/api/v1/product-instances?virtualAccount=DEFAULT", TestContext.Current.CancellationToken)).JsonAsync(200);

        var instance = Assert.Single(list.EnumerateArray().ToList());
        Assert.Equal(id, instance.GetProperty("id").GetGuid());
        Assert.Equal(Udi, instance.GetProperty("udi").GetString());
        Assert.Equal("DEFAULT", instance.GetProperty("virtualAccount").GetString());
        Assert.True(instance.GetProperty("exportControlledAllowed").GetBoolean());
        var entitlement = Assert.Single(instance.GetProperty("entitlements").EnumerateArray().ToList());
        Assert.Equal("ASAv-STD-1G", entitlement.GetProperty("shortTag").GetString());
        Assert.Equal(1, entitlement.GetProperty("count").GetInt32());
        Assert.Equal("AUTHORIZED", entitlement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Show_ByIdAndByEncodedUdi_ReturnsSameInstance()
    {
        await using var server = await StartServerAsync();
        var id = await Seed.AddProductInstanceAsync(server, "DEFAULT", Udi);

        var byId = await (await server.Client.GetAsync($"/api/v1/product-instances/{id}", TestContext.Current.CancellationToken)).JsonAsync(200);
        var byUdi = await (await server.Client.GetAsync($"/api/v1/product-instances/{Uri.EscapeDataString(Udi)}", TestContext.Current.CancellationToken)).JsonAsync(200);

        Assert.Equal(Udi, byId.GetProperty("udi").GetString());
        Assert.Equal(id, byUdi.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Show_Unknown_Returns404NamingIt()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.GetAsync($"/api/v1/product-instances/{Uri.EscapeDataString("PID:ASAv,SN:NOPE")}", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.HasCodeAsync(response, 404, "product-instance-not-found");
        Assert.Contains("PID:ASAv,SN:NOPE", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_Instance_FreesLicensesAndLogsEvent()
    {
        await using var server = await StartServerAsync();
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,2\n");
        await Seed.AddProductInstanceAsync(server, "DEFAULT", Udi, (Seed.Standard1G, 1));
        await Seed.AddProductInstanceAsync(server, "DEFAULT", "PID:ASAv,SN:OTHER", (Seed.Standard1G, 1));

        var response = await server.Client.DeleteAsync($"/api/v1/product-instances/{Uri.EscapeDataString(Udi)}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var (inUse, entitlementRows, instances) = await server.WithDbAsync(async db => (
            await db.EntitlementBalances.Where(b => b.Tag == Seed.Standard1G).Select(b => b.InUse).SingleAsync(TestContext.Current.CancellationToken),
            await db.ProductInstanceEntitlements.CountAsync(TestContext.Current.CancellationToken),
            await db.ProductInstances.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(1, inUse);
        Assert.Equal(1, entitlementRows);
        Assert.Equal(1, instances);
        var events = await server.Client.GetStringAsync("/api/v1/events?virtualAccount=DEFAULT", TestContext.Current.CancellationToken);
        Assert.Contains($"Product instance '{Udi}' removed; freed 1 x ASAv-STD-1G", events, StringComparison.Ordinal);
        var again = await server.Client.DeleteAsync($"/api/v1/product-instances/{Uri.EscapeDataString(Udi)}", TestContext.Current.CancellationToken);
        await ProblemAssert.HasCodeAsync(again, 404, "product-instance-not-found");
    }
}

public sealed class SqliteProductInstanceTests() : ProductInstanceTests(StoreKind.Sqlite);

public sealed class PostgresProductInstanceTests() : ProductInstanceTests(StoreKind.Postgres);
