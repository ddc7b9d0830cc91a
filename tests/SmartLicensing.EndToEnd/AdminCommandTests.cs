using SmartLicensing.EndToEnd.Support;

namespace SmartLicensing.EndToEnd;

/// <summary>The admin commands of the real smartlic program against the real authority.</summary>
public sealed class AdminCommandTests(AuthorityProcess authority) : IClassFixture<AuthorityProcess>
{
    private static readonly string OrderJson = Path.Combine(AppContext.BaseDirectory, "orders", "asav-order.json");

    [Fact]
    public async Task VirtualAccount_CreateRenameDelete_ShowsInList()
    {
        var name = "e2e-va-" + Guid.NewGuid().ToString("N")[..8];
        var renamed = name + "-renamed";

        (await authority.AdminAsync("virtual-account", "create", name, "--description", "lab")).EnsureSuccess();
        (await authority.AdminAsync("virtual-account", "rename", name, renamed)).EnsureSuccess();
        var list = Json.Parse((await authority.AdminAsync("virtual-account", "list", "--json")).EnsureSuccess());

        Assert.Null(Json.FindBy(list, "name", name));
        var entry = Json.FindBy(list, "name", renamed);
        Assert.True(entry.HasValue, list.ToString());
        Assert.Equal("lab", entry.Value.GetProperty("description").GetString());

        (await authority.AdminAsync("virtual-account", "delete", renamed)).EnsureSuccess();
        var after = Json.Parse((await authority.AdminAsync("virtual-account", "list", "--json")).EnsureSuccess());
        Assert.Null(Json.FindBy(after, "name", renamed));
    }

    [Fact]
    public async Task VirtualAccountDelete_Unknown_ExitsOne()
    {
        var result = await authority.AdminAsync("virtual-account", "delete", "no-such-account");

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"\([a-z0-9-]+\)\s*$", result.Error);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LicenseImport_JsonOrder_AddsPurchasedCounts()
    {
        var name = "e2e-json-" + Guid.NewGuid().ToString("N")[..8];
        (await authority.AdminAsync("virtual-account", "create", name)).EnsureSuccess();

        var import = (await authority.AdminAsync("license", "import", OrderJson, "--virtual-account", name)).EnsureSuccess();
        var licenses = Json.Parse((await authority.AdminAsync("license", "list", "--virtual-account", name, "--json")).EnsureSuccess());

        Assert.Contains("ASAv10 Standard - 1G", import.Output, StringComparison.Ordinal);
        Assert.Equal(5, Json.FindBy(licenses, "shortTag", "ASAv-STD-1G")?.GetProperty("purchased").GetInt32());
        Assert.Equal(2, Json.FindBy(licenses, "shortTag", "ASAv-STD-2G")?.GetProperty("purchased").GetInt32());
        Assert.Equal(1, Json.FindBy(licenses, "shortTag", "ASAv-STD-100M")?.GetProperty("purchased").GetInt32());
    }

    [Fact]
    public async Task TokenList_Table_ShowsDaysLeftAndStatus()
    {
        var name = "e2e-tokens-" + Guid.NewGuid().ToString("N")[..8];
        (await authority.AdminAsync("virtual-account", "create", name)).EnsureSuccess();
        (await authority.AdminAsync("token", "create", "--virtual-account", name, "--expires-after", "30", "--description", "rack 4")).EnsureSuccess();

        var table = (await authority.AdminAsync("token", "list", "--virtual-account", name)).EnsureSuccess();

        Assert.Contains("Expiration Date", table.Output, StringComparison.Ordinal);
        Assert.Matches(@"\(in (29|30) days\)", table.Output);
        Assert.Contains("rack 4", table.Output, StringComparison.Ordinal);
        Assert.Contains("ACTIVE", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventList_Csv_ListsTheChanges()
    {
        var name = "e2e-events-" + Guid.NewGuid().ToString("N")[..8];
        (await authority.AdminAsync("virtual-account", "create", name)).EnsureSuccess();

        var csv = (await authority.AdminAsync("event", "list", "--csv", "--limit", "50")).EnsureSuccess();

        Assert.Contains(name, csv.Output, StringComparison.Ordinal);
        Assert.Contains(',', csv.Output.Split('\n')[0]);
    }

    [Fact]
    public async Task AdminCommand_NoAdminEnv_NamesFile()
    {
        var empty = Directory.CreateTempSubdirectory("smartlic-e2e-empty-").FullName;
        try
        {
            var result = await ProcessRunner.RunAsync(["license", "list", "--data", empty]);

            Assert.True(result.ExitCode == 1, result.Describe());
            Assert.Contains("admin.env", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task AdminCommand_WrongCa_IsRejected()
    {
        var otherCa = Path.Combine(Path.GetTempPath(), $"smartlic-e2e-other-ca-{Guid.NewGuid():N}.pem");
        using (var key = System.Security.Cryptography.ECDsa.Create())
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Not the server CA", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
            using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
            await File.WriteAllTextAsync(otherCa, certificate.ExportCertificatePem(), TestContext.Current.CancellationToken);
        }

        try
        {
            var result = await authority.AdminAsync("virtual-account", "list", "--ca", otherCa);

            Assert.True(result.ExitCode == 1, result.Describe());
            Assert.Contains("not trusted", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(otherCa);
        }
    }
}
