using SmartLicensing.EndToEnd.Support;

namespace SmartLicensing.EndToEnd;

/// <summary>
/// An emulated ASAv30 registered with the real authority, once with a token that allows
/// export-controlled functionality and once with one that does not: Strong Encryption, and with
/// it the strong IPsec ciphers, follow the token.
/// </summary>
public sealed class ExportControlTests(AuthorityProcess authority) : IClassFixture<AuthorityProcess>
{
    private const string StrongEnabled = "Encryption-3DES-AES               : Enabled";
    private const string StrongDisabled = "Encryption-3DES-AES               : Disabled";
    private static readonly string OrderCsv = Path.Combine(AppContext.BaseDirectory, "orders", "asav-order.csv");

    private static readonly string[] AfterRegistration =
    [
        "show license features",
        "configure terminal",
        "crypto ipsec ikev2 ipsec-proposal STRONG",
        "protocol esp encryption aes-256",
        "exit",
        "exit",
        "show running-config",
    ];

    [Fact]
    public async Task Register_TokenAllowsExport_StrongEncryptionAndStrongCiphers()
    {
        var token = await CreateTokenAsync("export");
        using var device = new AsaDevice(authority, "ASAv30") { ThroughputLevel = "2G" };

        var result = await device.RunConfiguredAsync([$"license smart register idtoken {token}", .. AfterRegistration]);

        result.EnsureSuccess();
        Assert.True(result.Output.Contains("Active entitlement: ASAv-STD-2G, enforce mode: Authorized", StringComparison.Ordinal), Context(result));
        Assert.True(result.Output.Contains("Firewall throughput limited to 2 Gbps", StringComparison.Ordinal), Context(result));
        Assert.True(result.Output.Contains(StrongEnabled, StringComparison.Ordinal), Context(result));
        Assert.False(result.Output.Contains("needs the Encryption-3DES-AES", StringComparison.Ordinal), Context(result));
        Assert.True(result.Output.Contains("crypto ipsec ikev2 ipsec-proposal STRONG\n protocol esp encryption aes-256\n", StringComparison.Ordinal), Context(result));
    }

    [Fact]
    public async Task Register_TokenWithoutExport_NoStrongEncryptionAndStrongCiphersRefused()
    {
        var token = await CreateTokenAsync("no-export", "--no-export-controlled");
        using var device = new AsaDevice(authority, "ASAv30") { ThroughputLevel = "2G" };

        var result = await device.RunConfiguredAsync([$"license smart register idtoken {token}", .. AfterRegistration]);

        result.EnsureSuccess();
        Assert.True(result.Output.Contains("Active entitlement: ASAv-STD-2G, enforce mode: Authorized", StringComparison.Ordinal), Context(result));
        Assert.True(result.Output.Contains(StrongDisabled, StringComparison.Ordinal), Context(result));
        Assert.True(result.Output.Contains("ERROR: Encryption aes-256 needs the Encryption-3DES-AES (Strong Encryption) license", StringComparison.Ordinal), Context(result));
        Assert.False(result.Output.Contains("protocol esp encryption aes-256\n!", StringComparison.Ordinal), Context(result));
    }

    private async Task<string> CreateTokenAsync(string purpose, params string[] options)
    {
        var name = $"e2e-{purpose}-{Guid.NewGuid():N}"[..24];
        (await authority.AdminAsync("virtual-account", "create", name, "--description", "end-to-end " + purpose)).EnsureSuccess();
        (await authority.AdminAsync("license", "import", OrderCsv, "--virtual-account", name)).EnsureSuccess();
        var result = (await authority.AdminAsync(["token", "create", "--virtual-account", name, .. options])).EnsureSuccess();
        return result.Output.Trim();
    }

    private string Context(ProcessResult result) =>
        result.Describe() + Environment.NewLine + "--- authority ---" + Environment.NewLine + authority.Log;
}
