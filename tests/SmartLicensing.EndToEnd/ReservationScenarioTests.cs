using SmartLicensing.EndToEnd.Support;

namespace SmartLicensing.EndToEnd;

/// <summary>
/// Permanent license reservation across the real authority, the real <c>smartlic</c> commands and
/// an emulated ASAv10 that never talks to the server: every step moves a code by hand.
/// </summary>
public sealed class ReservationScenarioTests(AuthorityProcess authority) : IClassFixture<AuthorityProcess>
{
    private const string RequestLead = "Enter this request code in the Cisco Smart Software Manager portal:";
    private const string ReturnLead = "Enter this return code in the Cisco Smart Software Manager portal:";
    private const string UniversalV10 = "ASAv-UNIVERSAL-V10";

    private const string EnterReservationMode = """
        enable

        configure terminal
        license smart reservation
        end

        """;

    [Fact]
    public async Task Reservation_FullCycle_PoolRestored()
    {
        var account = $"plr-{Guid.NewGuid():N}"[..16];
        (await authority.AdminAsync("virtual-account", "create", account, "--description", "end-to-end reservation")).EnsureSuccess();
        var order = Path.Combine(authority.DataDirectory, $"{account}.csv");
        await File.WriteAllTextAsync(order, "pid,quantity\nL-ASAV10SR-K9=,2\n", TestContext.Current.CancellationToken);
        (await authority.AdminAsync("license", "import", order, "--virtual-account", account)).EnsureSuccess();
        var starting = await BalanceAsync(account);
        Assert.Equal((2, 0, 2), starting);

        using var device = new AsaDevice(authority, "ASAv10");
        var requested = await device.RunAsync(EnterReservationMode + "license smart reservation request universal\nwrite memory\n");
        var requestCode = CodeAfter(requested, RequestLead);
        Assert.StartsWith("CB-ZASAv:", requestCode, StringComparison.Ordinal);

        // Tests of this class share the authority, so the approval is withdrawn first.
        (await authority.AdminAsync("account", "set", "--no-reservation-enabled")).EnsureSuccess();
        var refused = await authority.AdminAsync("reservation", "reserve", requestCode, "--virtual-account", account);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.True(refused.Error.Contains("not enabled for license reservation", StringComparison.Ordinal), Context(refused));
        Assert.Equal(starting, await BalanceAsync(account));

        (await authority.AdminAsync("account", "set", "--reservation-enabled")).EnsureSuccess();
        var reserved = (await authority.AdminAsync("reservation", "reserve", requestCode, "--virtual-account", account)).EnsureSuccess();
        var authorizationCode = reserved.Output.Trim();
        Assert.DoesNotContain('\n', authorizationCode);
        Assert.Equal((2, 1, 1), await BalanceAsync(account));

        // The same request entered again gives the same code and takes no second license.
        var again = (await authority.AdminAsync("reservation", "reserve", requestCode, "--virtual-account", account)).EnsureSuccess();
        Assert.Equal(authorizationCode, again.Output.Trim());
        Assert.Equal((2, 1, 1), await BalanceAsync(account));

        var udi = await device.ReadUdiAsync();
        var instance = Json.FindBy(Json.Parse((await authority.AdminAsync("device", "list", "--virtual-account", account, "--json")).EnsureSuccess()), "udi", udi);
        Assert.True(instance?.GetProperty("reserved").GetBoolean(), "The reserved device is not listed as reserved.");

        var installed = (await device.RunAsync($"enable\n\nlicense smart reservation install {authorizationCode}\nreload\nenable\n\nshow license all\nshow license features\n")).EnsureSuccess();
        Assert.True(installed.Output.Contains("Reservation install successful", StringComparison.Ordinal), Context(installed));
        Assert.True(installed.Output.Contains("Status: REGISTERED - UNIVERSAL LICENSE RESERVATION", StringComparison.Ordinal), Context(installed));
        Assert.True(installed.Output.Contains("License reservation: ENABLED", StringComparison.Ordinal), Context(installed));
        Assert.True(installed.Output.Contains($"Active entitlement: {UniversalV10}, enforce mode: Authorized", StringComparison.Ordinal), Context(installed));
        Assert.True(installed.Output.Contains("Firewall throughput limited to 1 Gbps", StringComparison.Ordinal), Context(installed));

        var returned = (await device.RunAsync("enable\n\nlicense smart reservation return\nshow license features\n")).EnsureSuccess();
        var returnCode = CodeAfter(returned, ReturnLead);
        Assert.True(returned.Output.Contains("ASAv Platform License State: Unlicensed", StringComparison.Ordinal), Context(returned));

        (await authority.AdminAsync("device", "remove", udi, "--return-code", returnCode)).EnsureSuccess();
        Assert.Equal(starting, await BalanceAsync(account));

        var reused = await authority.AdminAsync("device", "remove", udi, "--return-code", returnCode);
        Assert.NotEqual(0, reused.ExitCode);
        Assert.True(reused.Error.Contains("already used", StringComparison.Ordinal), Context(reused));
        Assert.Equal(starting, await BalanceAsync(account));
    }

    [Fact]
    public async Task Reserve_NoLicenses_ShortageMessage()
    {
        var account = $"plr-empty-{Guid.NewGuid():N}"[..20];
        (await authority.AdminAsync("virtual-account", "create", account)).EnsureSuccess();
        (await authority.AdminAsync("account", "set", "--reservation-enabled")).EnsureSuccess();
        using var device = new AsaDevice(authority, "ASAv10");
        var requestCode = CodeAfter(await device.RunAsync(EnterReservationMode + "license smart reservation request universal\n"), RequestLead);

        var result = await authority.AdminAsync("reservation", "reserve", requestCode, "--virtual-account", account);

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(
            result.Error.Contains("The licenses cannot be reserved because the Virtual Account does not contain a sufficient surplus of the following perpetual licenses: 1 - ASAv10 Permanent Universal(perpetual).", StringComparison.Ordinal),
            Context(result));
        Assert.Equal("", result.Output);
    }

    private async Task<(int Purchased, int InUse, int Balance)> BalanceAsync(string account)
    {
        var licenses = Json.Parse((await authority.AdminAsync("license", "list", "--virtual-account", account, "--json")).EnsureSuccess());
        var row = Json.FindBy(licenses, "shortTag", UniversalV10);
        Assert.True(row is not null, $"No {UniversalV10} row in the license list of {account}.");
        var value = row.Value;
        return (value.GetProperty("purchased").GetInt32(), value.GetProperty("inUse").GetInt32(), value.GetProperty("balance").GetInt32());
    }

    private string CodeAfter(ProcessResult result, string lead)
    {
        var lines = result.Output.ReplaceLineEndings("\n").Split('\n');
        var at = Array.IndexOf(lines, lead);
        Assert.True(at >= 0, $"No line '{lead}'." + Environment.NewLine + Context(result));
        Assert.True(at + 1 < lines.Length, $"No code after '{lead}'." + Environment.NewLine + Context(result));
        return lines[at + 1].Trim();
    }

    private string Context(ProcessResult result) =>
        result.Describe() + Environment.NewLine + "--- authority ---" + Environment.NewLine + authority.Log;
}
