using System.Text.Json;
using SmartLicensing.EndToEnd.Support;

namespace SmartLicensing.EndToEnd;

/// <summary>
/// The real authority, the real admin CLI and an emulated ASAv over loopback. Every test works in
/// its own virtual account, so the tests share one server.
/// </summary>
public sealed class RegistrationScenarioTests(AuthorityProcess authority) : IClassFixture<AuthorityProcess>
{
    private const string StandardTag = "ASAv-STD-1G";
    private static readonly string OrderCsv = Path.Combine(AppContext.BaseDirectory, "orders", "asav-order.csv");

    [Fact]
    public async Task Register_ImportedLicenses_AuthorizesAndCountsUse()
    {
        var virtualAccount = await CreateVirtualAccountWithOrderAsync("register");
        var token = await CreateTokenAsync(virtualAccount);
        using var device = new AsaDevice(authority);

        var registered = await device.RunConfiguredAsync($"license smart register idtoken {token}", "show license all");

        registered.EnsureSuccess();
        Assert.True(registered.Output.Contains("Status: REGISTERED", StringComparison.Ordinal), Context(registered));
        Assert.True(registered.Output.Contains("AUTHORIZED", StringComparison.Ordinal), Context(registered));
        Assert.True(registered.Output.Contains("ASAv10 Standard - 1G (ASAv-STD-1G)", StringComparison.Ordinal), Context(registered));
        Assert.Equal(1, await InUseAsync(virtualAccount, StandardTag));

        var udi = await device.ReadUdiAsync();

        var again = await device.RunConfiguredAsync($"license smart register idtoken {token}", "show license status");
        Assert.True(again.Output.Contains("already registered", StringComparison.OrdinalIgnoreCase), Context(again));

        var forced = await device.RunConfiguredAsync($"license smart register idtoken {token} force", "show license all");
        forced.EnsureSuccess();
        Assert.True(forced.Output.Contains("Status: REGISTERED", StringComparison.Ordinal), Context(forced));

        var devices = Json.Parse((await authority.AdminAsync("device", "list", "--virtual-account", virtualAccount, "--json")).EnsureSuccess());
        var instance = Assert.Single(devices.EnumerateArray());
        Assert.Equal(udi, instance.GetProperty("udi").GetString());
        Assert.Equal(1, await InUseAsync(virtualAccount, StandardTag));

        var shown = Json.Parse((await authority.AdminAsync("device", "show", udi, "--json")).EnsureSuccess());
        var entitlement = Assert.Single(shown.GetProperty("entitlements").EnumerateArray());
        Assert.Equal(StandardTag, entitlement.GetProperty("shortTag").GetString());
        Assert.Equal(1, entitlement.GetProperty("count").GetInt32());

        var deregistered = await device.RunConfiguredAsync("license smart deregister", "show license status");
        deregistered.EnsureSuccess();
        Assert.True(deregistered.Output.Contains("UNREGISTERED", StringComparison.Ordinal), Context(deregistered));
        Assert.Equal(0, await InUseAsync(virtualAccount, StandardTag));
        var afterDeregister = Json.Parse((await authority.AdminAsync("device", "list", "--virtual-account", virtualAccount, "--json")).EnsureSuccess());
        Assert.Equal(0, afterDeregister.GetArrayLength());
    }

    [Fact]
    public async Task Register_UsedUpToken_FailsWithReason()
    {
        var virtualAccount = await CreateVirtualAccountWithOrderAsync("used-up");
        var token = await CreateTokenAsync(virtualAccount, "--max-uses", "1");
        using var first = new AsaDevice(authority);
        using var second = new AsaDevice(authority);

        var firstResult = await first.RunConfiguredAsync($"license smart register idtoken {token}", "show license all");
        Assert.True(firstResult.Output.Contains("Status: REGISTERED", StringComparison.Ordinal), Context(firstResult));

        var secondResult = await second.RunConfiguredAsync($"license smart register idtoken {token}", "show license all");

        Assert.True(secondResult.Output.Contains("REGISTRATION FAILED", StringComparison.Ordinal), Context(secondResult));
        Assert.True(secondResult.Output.Contains("maximum number of uses", StringComparison.Ordinal), Context(secondResult));
        var tokenEntry = await FindTokenAsync(virtualAccount);
        Assert.Equal(1, tokenEntry.GetProperty("uses").GetInt32());
        Assert.Equal("USED UP", tokenEntry.GetProperty("status").GetString());
        Assert.Equal(1, await InUseAsync(virtualAccount, StandardTag));
        var devices = Json.Parse((await authority.AdminAsync("device", "list", "--virtual-account", virtualAccount, "--json")).EnsureSuccess());
        Assert.Equal(1, devices.GetArrayLength());
    }

    [Fact]
    public async Task Register_RevokedToken_FailsWithReason()
    {
        var virtualAccount = await CreateVirtualAccountWithOrderAsync("revoked");
        var created = Json.Parse((await authority.AdminAsync("token", "create", "--virtual-account", virtualAccount, "--json")).EnsureSuccess());
        var token = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        (await authority.AdminAsync("token", "revoke", id)).EnsureSuccess();
        using var device = new AsaDevice(authority);

        var result = await device.RunConfiguredAsync($"license smart register idtoken {token}", "show license all");

        Assert.True(result.Output.Contains("REGISTRATION FAILED", StringComparison.Ordinal), Context(result));
        Assert.True(result.Output.Contains("was revoked", StringComparison.Ordinal), Context(result));
        var tokenEntry = await FindTokenAsync(virtualAccount);
        Assert.Equal(0, tokenEntry.GetProperty("uses").GetInt32());
        Assert.Equal("REVOKED", tokenEntry.GetProperty("status").GetString());
        Assert.Equal(0, await InUseAsync(virtualAccount, StandardTag));
    }

    [Fact]
    public async Task Register_GarbageToken_FailsAsMalformed()
    {
        var virtualAccount = await CreateVirtualAccountWithOrderAsync("garbage");
        using var device = new AsaDevice(authority);

        var result = await device.RunConfiguredAsync("license smart register idtoken bm90LWEtdG9rZW4=", "show license all");

        Assert.True(result.Output.Contains("REGISTRATION FAILED", StringComparison.Ordinal), Context(result));
        Assert.True(result.Output.Contains("malformed", StringComparison.Ordinal), Context(result));
        Assert.Equal(0, await InUseAsync(virtualAccount, StandardTag));
        var devices = Json.Parse((await authority.AdminAsync("device", "list", "--virtual-account", virtualAccount, "--json")).EnsureSuccess());
        Assert.Equal(0, devices.GetArrayLength());
    }

    private async Task<string> CreateVirtualAccountWithOrderAsync(string purpose)
    {
        var name = $"e2e-{purpose}-{Guid.NewGuid():N}"[..24];
        (await authority.AdminAsync("virtual-account", "create", name, "--description", "end-to-end " + purpose)).EnsureSuccess();
        (await authority.AdminAsync("license", "import", OrderCsv, "--virtual-account", name)).EnsureSuccess();
        return name;
    }

    private async Task<string> CreateTokenAsync(string virtualAccount, params string[] options)
    {
        var result = (await authority.AdminAsync(["token", "create", "--virtual-account", virtualAccount, .. options])).EnsureSuccess();
        var token = result.Output.Trim();
        Assert.False(string.IsNullOrEmpty(token), result.Describe());
        Assert.DoesNotContain('\n', token);
        return token;
    }

    private async Task<int> InUseAsync(string virtualAccount, string shortTag)
    {
        var result = (await authority.AdminAsync("license", "list", "--virtual-account", virtualAccount, "--json")).EnsureSuccess();
        var license = Json.FindBy(Json.Parse(result), "shortTag", shortTag);
        Assert.True(license.HasValue, $"No {shortTag} license in the list.{Environment.NewLine}{result.Describe()}");
        return license.Value.GetProperty("inUse").GetInt32();
    }

    private async Task<JsonElement> FindTokenAsync(string virtualAccount)
    {
        var result = (await authority.AdminAsync("token", "list", "--virtual-account", virtualAccount, "--json")).EnsureSuccess();
        var tokens = Json.Parse(result);
        return Assert.Single(tokens.EnumerateArray());
    }

    private string Context(ProcessResult result) =>
        result.Describe() + Environment.NewLine + "--- authority ---" + Environment.NewLine + authority.Log;
}
