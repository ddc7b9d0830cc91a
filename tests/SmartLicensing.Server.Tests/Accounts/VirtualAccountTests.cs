using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Accounts;

public abstract class VirtualAccountTests(StoreKind store) : StoreTests(store)
{
    [Fact]
    public async Task GetAccount_FirstStart_ShowsNameAndDefault()
    {
        await using var server = await StartServerAsync();

        var account = await (await server.Client.GetAsync("/api/v1/account", TestContext.Current.CancellationToken)).JsonAsync(200);

        Assert.Equal("Lab Smart Account", account.GetProperty("name").GetString());
        Assert.True(account.GetProperty("exportControlledQualified").GetBoolean());
        Assert.False(account.GetProperty("reservationEnabled").GetBoolean());
        Assert.Equal("DEFAULT", account.GetProperty("defaultVirtualAccount").GetString());
    }

    [Fact]
    public async Task Create_ValidName_Returns201WithTrimmedName()
    {
        await using var server = await StartServerAsync();

        var created = await (await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "  Lab East ", description = "East lab" })).JsonAsync(201);

        Assert.Equal("Lab East", created.GetProperty("name").GetString());
        Assert.Equal("East lab", created.GetProperty("description").GetString());
        Assert.False(created.GetProperty("isDefault").GetBoolean());
        Assert.Equal(0, created.GetProperty("productInstances").GetInt32());
        Assert.Equal(0, created.GetProperty("licenses").GetInt32());

        var list = await (await server.Client.GetAsync("/api/v1/virtual-accounts", TestContext.Current.CancellationToken)).JsonAsync(200);
        var names = list.EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToList();
        Assert.Equal(["DEFAULT", "Lab East"], names);
        Assert.True(list[0].GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Create_SameNameOtherCase_Returns409()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "default" });

        var problem = await ProblemAssert.HasCodeAsync(response, 409, "virtual-account-exists");
        Assert.Contains("'default'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a/b")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789x123456789x123456789x")]
    public async Task Create_InvalidName_Returns400(string name)
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name });

        await ProblemAssert.HasCodeAsync(response, 400, "virtual-account-name-invalid");
    }

    [Fact]
    public async Task Create_NameOf80Characters_IsAccepted()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = new string('v', 80) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Rename_NewName_RenamesAndLogsEvent()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Old" });

        var response = await server.Client.PatchAsync("/api/v1/virtual-accounts/old", JsonContent.Create(new { name = "New" }), TestContext.Current.CancellationToken);

        var renamed = await response.JsonAsync(200);
        Assert.Equal("New", renamed.GetProperty("name").GetString());
        var missing = await server.Client.GetAsync("/api/v1/virtual-accounts/Old", TestContext.Current.CancellationToken);
        await ProblemAssert.HasCodeAsync(missing, 404, "virtual-account-not-found");
        var events = await server.Client.GetStringAsync("/api/v1/events", TestContext.Current.CancellationToken);
        Assert.Contains("renamed from 'Old' to 'New'", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rename_ToExistingName_Returns409()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" });

        var response = await server.Client.PatchAsync("/api/v1/virtual-accounts/Lab", JsonContent.Create(new { name = "Default" }), TestContext.Current.CancellationToken);

        await ProblemAssert.HasCodeAsync(response, 409, "virtual-account-exists");
    }

    [Fact]
    public async Task Delete_DefaultAccount_Returns409IsDefault()
    {
        await using var server = await StartServerAsync();

        var response = await server.Client.DeleteAsync("/api/v1/virtual-accounts/DEFAULT", TestContext.Current.CancellationToken);

        await ProblemAssert.HasCodeAsync(response, 409, "virtual-account-is-default");
    }

    [Fact]
    public async Task Delete_AccountWithLicensesAndInstance_Returns409WithCounts()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" });
        await Seed.ImportCsvAsync(server, "Lab", "L-ASAV10S-K9=,2\nL-ASAV30S-K9=,1\n");
        await Seed.AddProductInstanceAsync(server, "Lab", "PID:ASAv,SN:9A1B", (Seed.Standard1G, 1));

        var response = await server.Client.DeleteAsync("/api/v1/virtual-accounts/Lab", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.HasCodeAsync(response, 409, "virtual-account-not-empty");
        Assert.Contains("2 license purchase(s)", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("1 product instance(s)", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_EmptyAccount_Returns204ThenNotFound()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" });

        var deleted = await server.Client.DeleteAsync("/api/v1/virtual-accounts/Lab", TestContext.Current.CancellationToken);
        var again = await server.Client.DeleteAsync("/api/v1/virtual-accounts/Lab", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var problem = await ProblemAssert.HasCodeAsync(again, 404, "virtual-account-not-found");
        Assert.Contains("'Lab'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetDefault_OtherAccount_MovesDefault()
    {
        await using var server = await StartServerAsync();
        await server.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" });

        var response = await server.Client.PostAsync("/api/v1/virtual-accounts/lab/default", null, TestContext.Current.CancellationToken);

        Assert.True((await response.JsonAsync(200)).GetProperty("isDefault").GetBoolean());
        var account = await (await server.Client.GetAsync("/api/v1/account", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal("Lab", account.GetProperty("defaultVirtualAccount").GetString());
        var deleteOld = await server.Client.DeleteAsync("/api/v1/virtual-accounts/DEFAULT", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleteOld.StatusCode);
    }

    [Fact]
    public async Task List_AccountWithLicensesAndInstance_CountsBoth()
    {
        await using var server = await StartServerAsync();
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,2\nL-ASAV10S-K9=,1\nL-ASAV30S-K9=,1\n");
        await Seed.AddProductInstanceAsync(server, "DEFAULT", "PID:ASAv,SN:1", (Seed.Standard1G, 1));

        var list = await (await server.Client.GetAsync("/api/v1/virtual-accounts", TestContext.Current.CancellationToken)).JsonAsync(200);

        var account = list.EnumerateArray().Single();
        Assert.Equal(2, account.GetProperty("licenses").GetInt32());
        Assert.Equal(1, account.GetProperty("productInstances").GetInt32());
        Assert.Equal(JsonValueKind.String, account.GetProperty("createdAt").ValueKind);
    }
}

public sealed class SqliteVirtualAccountTests() : VirtualAccountTests(StoreKind.Sqlite);

public sealed class PostgresVirtualAccountTests() : VirtualAccountTests(StoreKind.Postgres);
