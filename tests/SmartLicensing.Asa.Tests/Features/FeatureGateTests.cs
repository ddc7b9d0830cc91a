using SmartLicensing.Asa.Tests.Fakes;

namespace SmartLicensing.Asa.Tests.Features;

/// <summary>Configuration commands that a license or a model limit gates, on an ASAv with a fake agent.</summary>
public sealed class FeatureGateTests : IDisposable
{
    private const string Licensed1G = "enable\nconf t\nlicense smart\n feature tier standard\n throughput level 1G\nexit\n";

    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Theory]
    [InlineData("aes-256")]
    [InlineData("3des")]
    [InlineData("aes-gcm")]
    public async Task IpsecProposal_StrongCipherWithoutStrongEncryption_IsRefusedNamingLicense(string cipher)
    {
        var (_, output) = await _device.RunAsync($"enable\nconf t\ncrypto ipsec ikev2 ipsec-proposal P1\n protocol esp encryption {cipher} des\nshow running-config\n");

        Assert.Contains($"ERROR: Encryption {cipher} needs the Encryption-3DES-AES (Strong Encryption) license", output, StringComparison.Ordinal);
        Assert.Contains("crypto ipsec ikev2 ipsec-proposal P1\n!\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IpsecProposal_DesWithoutStrongEncryption_IsAccepted()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\ncrypto ipsec ikev2 ipsec-proposal P1\n protocol esp encryption des\nshow running-config\n");

        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        Assert.Contains("crypto ipsec ikev2 ipsec-proposal P1\n protocol esp encryption des\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IpsecProposal_StrongCipherWithExportRegistration_IsAccepted()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "crypto ipsec ikev2 ipsec-proposal P1\n protocol esp encryption aes-256 aes\nshow running-config\n");

        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        Assert.Contains(" protocol esp encryption aes-256 aes\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ssl cipher tlsv1.2 high", true)]
    [InlineData("ssl cipher default medium", true)]
    [InlineData("ssl cipher tlsv1.2 custom AES256-SHA", true)]
    [InlineData("ssl cipher tlsv1.2 low", false)]
    [InlineData("ssl cipher tlsv1.2 custom DES-CBC-SHA", false)]
    public async Task SslCipher_WithoutStrongEncryption_RefusesOnlyStrongCiphers(string command, bool refused)
    {
        var (_, output) = await _device.RunAsync($"enable\nconf t\n{command}\nshow running-config\n");

        Assert.Equal(refused, output.Contains("needs the Encryption-3DES-AES (Strong Encryption) license", StringComparison.Ordinal));
        Assert.Equal(!refused, output.Contains("\n" + command + "\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("gtp")]
    [InlineData("diameter")]
    [InlineData("sctp")]
    public async Task Inspect_CarrierProtocolUnlicensed_IsRefusedNamingCarrier(string protocol)
    {
        var (_, output) = await _device.RunAsync($"enable\nconf t\npolicy-map global_policy\n class inspection_default\n  inspect {protocol}\n  inspect dns\nshow running-config\n");

        Assert.Contains($"ERROR: {protocol.ToUpperInvariant()} inspection needs the Carrier license", output, StringComparison.Ordinal);
        Assert.Contains("policy-map global_policy\n class inspection_default\n  inspect dns\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_CarrierProtocolLicensed_IsAccepted()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "policy-map global_policy\n class inspection_default\n  inspect gtp\nshow running-config\n");

        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        Assert.Contains(" class inspection_default\n  inspect gtp\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsProxyMaximumSessions_QuestionMark_ShowsModelRange()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "tls-proxy maximum-sessions ?\n");

        Assert.Contains("  <1-500>  Maximum number of TLS proxy sessions; the license allows 500\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsProxyMaximumSessions_AboveModelLimit_IsRefusedNamingLimit()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "tls-proxy maximum-sessions 501\ntls-proxy maximum-sessions 100\nlab session open tls-proxy 101\nshow tls-proxy\n");

        Assert.Contains("ERROR: 501 TLS proxy sessions are too many: the Total TLS Proxy Sessions limit of this ASAv10 is 500.", output, StringComparison.Ordinal);
        Assert.Contains("ERROR: Cannot open 101 TLS proxy sessions: 0 of the 100 Total TLS Proxy Sessions of this ASAv10 are in use.", output, StringComparison.Ordinal);
        Assert.Contains("Maximum number of sessions: 100\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsProxyLimit_LicenseApplied_RaisesLimitFromDefault()
    {
        var (_, before) = await _device.RunAsync("enable\nshow tls-proxy\n");
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, after) = await _device.RunAsync(Licensed1G + "show tls-proxy\n");

        Assert.Contains("Maximum number of sessions: 2\n", before, StringComparison.Ordinal);
        Assert.Contains("Maximum number of sessions: 500\n", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearConfigureAll_DefaultBelowLicense_WarnsAndResetsLimit()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "tls-proxy maximum-sessions 400\nclear configure all\nshow tls-proxy\ntls-proxy maximum-sessions 500\nshow tls-proxy\n");

        Assert.Contains("WARNING: The TLS proxy limit is now 2, the default of this ASAv10, which is below the 500 sessions of the license. Raise it with 'tls-proxy maximum-sessions 500'.", output, StringComparison.Ordinal);
        Assert.Contains("Maximum number of sessions: 2\n", output, StringComparison.Ordinal);
        Assert.EndsWith("Maximum number of sessions: 500\nActive sess 0, most sess 0, byte 0\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vlan_OverModelMaximum_IsRefusedAndInterfacesWithoutVlanDoNotCount()
    {
        var script = "enable\nconf t\ninterface GigabitEthernet0/2\n nameif outside\n"
            + string.Concat(Enumerable.Range(1, 26).Select(i => $"interface gi0/1.{i}\n vlan {i}\n"));

        var (_, output) = await _device.RunAsync(
            script + "interface GigabitEthernet0/1.3\n no vlan\ninterface GigabitEthernet0/1.26\n vlan 26\nshow running-config\n",
            _device.Options(model: "ASAv5"));

        var refusal = "ERROR: This ASAv5 allows at most 25 interfaces with a VLAN (Maximum VLANs), and 25 have one. Remove the VLAN from another interface first.";
        Assert.Equal(1, output.Split(refusal).Length - 1);
        Assert.Contains("interface GigabitEthernet0/1.26\n vlan 26\n!\n", output, StringComparison.Ordinal);
        Assert.Contains("interface GigabitEthernet0/1.3\n!\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vlan_OnPhysicalInterface_IsRefused()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\ninterface GigabitEthernet0/1\n vlan 10\n");

        Assert.Contains("ERROR: Only a subinterface, for example GigabitEthernet0/1.10, can have a VLAN assigned.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interface_Modes_ShowTheirPrompts()
    {
        var (_, output) = await _device.RunAsync("enable\n\nconf t\ninterface gi0/1\nexit\ninterface gi0/1.10\nexit\npolicy-map p\nclass c\nexit\nexit\n", interactive: true);

        Assert.Contains("ciscoasa(config)# ciscoasa(config-if)# ciscoasa(config)# ciscoasa(config-subif)# ciscoasa(config)# ciscoasa(config-pmap)# ciscoasa(config-pmap-c)# ciscoasa(config-pmap)# ciscoasa(config)# ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotnetUpdater_WithoutStrongEncryption_IsRefusedNamingLicense()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\ndynamic-filter updater-client enable\n");

        Assert.Contains("ERROR: The Botnet Traffic Filter needs the Encryption-3DES-AES (Strong Encryption) license to download its dynamic database", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotnetUpdater_WithStrongEncryption_IsSaved()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync(Licensed1G + "dynamic-filter updater-client enable\nwrite memory\nreload\nenable\nshow startup-config\n");

        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        Assert.Contains("\ndynamic-filter updater-client enable\n!\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeatureConfiguration_SavedAndReloaded_IsReplayedUnchanged()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;
        var setup = Licensed1G
            + "interface GigabitEthernet0/1.10\n vlan 10\n nameif inside\n"
            + "crypto ipsec ikev2 ipsec-proposal P1\n protocol esp encryption aes-256\n protocol esp integrity sha-256\n"
            + "policy-map global_policy\n class inspection_default\n  inspect gtp\n  inspect dns\n"
            + "ssl cipher tlsv1.2 high\ntls-proxy maximum-sessions 300\nend\nwrite memory\nshow running-config\n";

        var (_, first) = await _device.RunAsync(setup);
        var (_, second) = await _device.RunAsync("enable\nshow running-config\n");

        var saved = first[first.LastIndexOf(": Saved", StringComparison.Ordinal)..];
        var replayed = second[second.LastIndexOf(": Saved", StringComparison.Ordinal)..];
        Assert.DoesNotContain("ERROR", first + second, StringComparison.Ordinal);
        Assert.Equal(saved, replayed);
        Assert.Contains("interface GigabitEthernet0/1.10\n vlan 10\n nameif inside\n!\n", replayed, StringComparison.Ordinal);
        Assert.Contains("policy-map global_policy\n class inspection_default\n  inspect gtp\n  inspect dns\n!\n", replayed, StringComparison.Ordinal);
        Assert.Contains("tls-proxy maximum-sessions 300\n", replayed, StringComparison.Ordinal);
    }
}
