using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SmartLicensing.EndToEnd.Support;

namespace SmartLicensing.EndToEnd;

/// <summary>
/// Renewals, deadlines, term expiry and alerts over months of lab time: the real authority with
/// <c>--lab-clock</c>, moved with <c>smartlic clock</c>, and emulated ASAvs whose clocks follow it
/// with <c>clock set</c>. Each test has its own server, because moving a clock moves it for all.
/// </summary>
public sealed class LicensingOverTimeTests
{
    private const string UnreachableEndpoint = "https://127.0.0.1:1/its/service/oddce/services/DDCEService";
    private static readonly TimeSpan AlertWait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Offline91Days_AuthorizationExpired_AuthorizedAgainOnReconnect()
    {
        await using var authority = await StartAsync();
        var virtualAccount = await CreateVirtualAccountAsync(authority, "offline", "L-ASAV10S-K9=,1");
        using var device = new AsaDevice(authority);
        var registered = await device.RunConfiguredAsync($"license smart register idtoken {await CreateTokenAsync(authority, virtualAccount)}", "write memory", "show license all");
        Assert.True(registered.Output.Contains("  Status: AUTHORIZED on ", StringComparison.Ordinal), Context(authority, registered));

        var now = await AdvanceAsync(authority, "91d");

        // The saved configuration names the server; this session points elsewhere without saving.
        var offline = await device.RunAsync(Script(
            "enable",
            "",
            "configure terminal",
            "call-home",
            "profile License",
            $"destination address http {UnreachableEndpoint}",
            "end",
            ClockSet(now),
            "show license all"));

        Assert.True(offline.Output.Contains("  Status: AUTHORIZATION EXPIRED on ", StringComparison.Ordinal), Context(authority, offline));
        Assert.True(offline.Output.Contains("%SMART_LIC-3-AUTH_EXPIRED", StringComparison.Ordinal), Context(authority, offline));
        Assert.True(offline.Output.Contains("  Last Communication Attempt: FAILED on ", StringComparison.Ordinal), Context(authority, offline));
        Assert.True(offline.Output.Contains("    Failure reason: ", StringComparison.Ordinal), Context(authority, offline));
        Assert.True(offline.Output.Contains("AUTHORIZATION EXPIRED", StringComparison.Ordinal), Context(authority, offline));

        var quiet = await WaitForAlertAsync(authority, "Product Instance Failed to Connect", active: true);
        Assert.Equal(virtualAccount, quiet.GetProperty("virtualAccount").GetString());

        var back = await device.RunAsync(Script("enable", "", "license smart renew auth", "show license all"));

        Assert.True(back.Output.Contains("  Status: AUTHORIZED on ", StringComparison.Ordinal), Context(authority, back));
        Assert.True(back.Output.Contains(AgentDate(now)[..11], StringComparison.Ordinal), Context(authority, back));
        await WaitForAlertAsync(authority, "Product Instance Failed to Connect", active: false);
    }

    [Fact]
    public async Task OverUseThenImportThenTermExpiry_ComplianceAndAlertsFollow()
    {
        await using var authority = await StartAsync();
        var virtualAccount = await CreateVirtualAccountAsync(authority, "overuse", "L-ASAV10S-K9=,1");
        var token = await CreateTokenAsync(authority, virtualAccount);
        using var first = new AsaDevice(authority);
        using var second = new AsaDevice(authority);

        var firstResult = await first.RunConfiguredAsync($"license smart register idtoken {token}", "write memory", "show license all");
        Assert.True(firstResult.Output.Contains("  Status: AUTHORIZED on ", StringComparison.Ordinal), Context(authority, firstResult));
        var secondResult = await second.RunConfiguredAsync($"license smart register idtoken {token}", "write memory", "show license all");
        Assert.True(secondResult.Output.Contains("  Status: OUT OF COMPLIANCE on ", StringComparison.Ordinal), Context(authority, secondResult));
        Assert.True(secondResult.Output.Contains("%SMART_LIC-3-OUT_OF_COMPLIANCE", StringComparison.Ordinal), Context(authority, secondResult));

        var licenses = Json.Parse((await authority.AdminAsync("license", "list", "--virtual-account", virtualAccount, "--json")).EnsureSuccess());
        Assert.Equal(-1, Json.FindBy(licenses, "shortTag", "ASAv-STD-1G")!.Value.GetProperty("balance").GetInt32());
        var insufficient = await WaitForAlertAsync(authority, "Insufficient Licenses", active: true);
        Assert.Equal("Major", insufficient.GetProperty("severity").GetString());

        // A term license that ends in 20 days brings the balance back to zero until it ends.
        var now = await ShowClockAsync(authority);
        var termEnd = now.AddDays(20).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ImportAsync(authority, virtualAccount, $"L-ASAV10S-K9=,1,{termEnd}");
        var renewed = await second.RunAsync(Script("enable", "", "license smart renew auth", "show license all"));
        Assert.True(renewed.Output.Contains("  Status: AUTHORIZED on ", StringComparison.Ordinal), Context(authority, renewed));
        await WaitForAlertAsync(authority, "Insufficient Licenses", active: false);
        var expiring = await WaitForAlertAsync(authority, "Licenses Expiring", active: true);
        Assert.Contains("within 30 days", expiring.GetProperty("message").GetString(), StringComparison.Ordinal);

        // 15 days on, the term is within 7 days of its end.
        await AdvanceAsync(authority, "15d");
        var soon = await WaitForAlertAsync(authority, "Licenses Expiring", active: true);
        Assert.Contains("within 7 days", soon.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Past the end of the term: the purchase leaves the count and the device falls out of compliance.
        now = await AdvanceAsync(authority, "6d");
        await WaitForAlertAsync(authority, "Licenses Expired", active: true);
        await WaitForAlertAsync(authority, "Insufficient Licenses", active: true);
        var expired = await second.RunAsync(Script("enable", "", ClockSet(now), "license smart renew auth", "show license all"));
        Assert.True(expired.Output.Contains("  Status: OUT OF COMPLIANCE on ", StringComparison.Ordinal), Context(authority, expired));

        var events = (await authority.AdminAsync("event", "list", "--virtual-account", virtualAccount, "--json")).EnsureSuccess().Output;
        Assert.Contains("Licenses Expired", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClockCommands_ServerWithoutLabClock_ErrorNamesTheFlag()
    {
        await using var authority = new AuthorityProcess();
        await authority.InitializeAsync();

        var result = await authority.AdminAsync("clock", "advance", "1d");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--lab-clock", result.Error, StringComparison.Ordinal);
        Assert.Contains("(lab-clock-disabled)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClockSet_Backwards_Refused()
    {
        await using var authority = await StartAsync();
        var now = await AdvanceAsync(authority, "2d");

        var result = await authority.AdminAsync("clock", "set", now.AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("(lab-clock-backwards)", result.Error, StringComparison.Ordinal);
    }

    private static async Task<AuthorityProcess> StartAsync()
    {
        var authority = new AuthorityProcess { LabClock = true };
        await authority.InitializeAsync();
        return authority;
    }

    private static async Task<string> CreateVirtualAccountAsync(AuthorityProcess authority, string purpose, string orderLine)
    {
        var name = $"e2e-time-{purpose}";
        (await authority.AdminAsync("virtual-account", "create", name)).EnsureSuccess();
        await ImportAsync(authority, name, orderLine);
        return name;
    }

    private static async Task ImportAsync(AuthorityProcess authority, string virtualAccount, string orderLine)
    {
        var file = Path.Combine(authority.DataDirectory, $"order-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "pid,quantity,expires\n" + orderLine + "\n");
        (await authority.AdminAsync("license", "import", file, "--virtual-account", virtualAccount)).EnsureSuccess();
    }

    private static async Task<string> CreateTokenAsync(AuthorityProcess authority, string virtualAccount)
    {
        var result = (await authority.AdminAsync("token", "create", "--virtual-account", virtualAccount)).EnsureSuccess();
        return result.Output.Trim();
    }

    private static async Task<DateTimeOffset> AdvanceAsync(AuthorityProcess authority, string duration)
    {
        var moved = Json.Parse((await authority.AdminAsync("clock", "advance", duration, "--json")).EnsureSuccess());
        return moved.GetProperty("now").GetDateTimeOffset();
    }

    private static async Task<DateTimeOffset> ShowClockAsync(AuthorityProcess authority)
    {
        var shown = Json.Parse((await authority.AdminAsync("clock", "show", "--json")).EnsureSuccess());
        return shown.GetProperty("now").GetDateTimeOffset();
    }

    /// <summary>Polls <c>smartlic alert list --all</c> until an alert of the kind is (or is no longer) active.</summary>
    private static async Task<JsonElement> WaitForAlertAsync(AuthorityProcess authority, string kind, bool active)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var alerts = Json.Parse((await authority.AdminAsync("alert", "list", "--all", "--json")).EnsureSuccess());
            var ofKind = alerts.EnumerateArray().Where(a => a.GetProperty("kind").GetString() == kind).ToList();
            var activeOne = ofKind.FirstOrDefault(a => a.GetProperty("clearedAt").ValueKind == JsonValueKind.Null);
            if (active && activeOne.ValueKind != JsonValueKind.Undefined)
            {
                return activeOne;
            }

            if (!active && ofKind.Count > 0 && activeOne.ValueKind == JsonValueKind.Undefined)
            {
                return ofKind[0];
            }

            Assert.True(waited.Elapsed < AlertWait, $"No {(active ? "active" : "cleared")} '{kind}' alert within {AlertWait.TotalSeconds:0} seconds. Alerts: {alerts}{Environment.NewLine}--- authority ---{Environment.NewLine}{authority.Log}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static string ClockSet(DateTimeOffset time) =>
        "clock set " + time.UtcDateTime.ToString("HH:mm:ss MMM d yyyy", CultureInfo.InvariantCulture);

    private static string AgentDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Script(params string[] lines) => string.Join('\n', lines) + "\n";

    private static string Context(AuthorityProcess authority, ProcessResult result) =>
        result.Describe() + Environment.NewLine + "--- authority ---" + Environment.NewLine + authority.Log;
}
