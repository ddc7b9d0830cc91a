using SmartLicensing.Agent;
using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Tests.Fakes;

namespace SmartLicensing.Asa.Tests.Cli;

/// <summary>The console run end to end on a real data folder, with a fake Smart Agent.</summary>
public sealed class AsaSessionTests : IDisposable
{
    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Fact]
    public async Task Script_WholeSession_ConfiguresRegistersAndShows()
    {
        var script = """
            enable
            conf t
            license smart
             feature tier standard
             throughput level 1G
            call-home
             profile License
              destination address http https://127.0.0.1:9443/its/service/oddce/services/DDCEService
            end
            license smart register idtoken T0KEN==
            sh lic all
            show license features
            show running-config license
            """;

        var (exitCode, output) = await _device.RunAsync(script);

        Assert.Equal(0, exitCode);
        Assert.Contains("Register:T0KEN==:False", _device.Agent.Calls);
        Assert.Equal(AgentStates.StandardTag1G, Assert.Single(_device.Agent.Entitlements).Tag);
        Assert.Equal("https://127.0.0.1:9443/its/service/oddce/services/DDCEService", _device.Agent.Transport!.ServerUrl.ToString());
        Assert.Contains("%ASA-6-444306: %SMART_LIC-6-AGENT_REG_SUCCESS: ", output, StringComparison.Ordinal);
        Assert.Contains("  Status: REGISTERED\n", output, StringComparison.Ordinal);
        Assert.Contains("ASAv10 Standard - 1G (ASAv-STD-1G):\n", output, StringComparison.Ordinal);
        Assert.Contains("Active entitlement: ASAv-STD-1G, enforce mode: Authorized\n", output, StringComparison.Ordinal);
        Assert.Contains("license smart\n feature tier standard\n throughput level 1G\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_BeforeEachLine_RunsDueWork()
    {
        await _device.RunAsync("show clock\nshow clock\n");

        Assert.Equal(2, _device.Agent.Calls.Count(c => c == "RunDueWork"));
    }

    [Fact]
    public async Task Interactive_ModeCommands_ChangePrompt()
    {
        var input = "enable\n\nconf t\nlicense smart\nexit\ncall-home\nprofile License\nexit\nexit\nend\ndisable\nexit\n";

        var (_, output) = await _device.RunAsync(input, interactive: true);

        var expected = "ciscoasa> Password: ciscoasa# ciscoasa(config)# ciscoasa(config-smart-lic)# ciscoasa(config)# "
            + "ciscoasa(cfg-call-home)# ciscoasa(cfg-call-home-profile)# ciscoasa(cfg-call-home)# ciscoasa(config)# ciscoasa# ciscoasa> ";
        Assert.EndsWith(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_ExitAtPrivilegedExec_EndsSession()
    {
        var (exitCode, output) = await _device.RunAsync("enable\n\nexit\nshow clock\n", interactive: true);

        Assert.Equal(0, exitCode);
        Assert.EndsWith("ciscoasa> Password: ciscoasa# ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_MisspelledWord_CaretCountsPrompt()
    {
        var (_, output) = await _device.RunAsync("enable\n\nshow licnse all\n", interactive: true);

        // "ciscoasa# " is 10 columns and "show " 5 more, so the caret sits in column 15.
        Assert.Contains("ciscoasa# " + new string(' ', 15) + "^\nERROR: % Invalid input detected at '^' marker.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_MisspelledWord_EchoesLineWithCaret()
    {
        var (_, output) = await _device.RunAsync("enable\nshow licnse all\n");

        Assert.Contains("\nshow licnse all\n     ^\nERROR: % Invalid input detected at '^' marker.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_UnknownThirdWord_CaretUnderIt()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nlicense smart\nthroughput level 5G\n");

        Assert.Contains("throughput level 5G\n" + new string(' ', 17) + "^\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show license", "ERROR: % Incomplete command\n")]
    [InlineData("license smart register idtoken", "ERROR: % Incomplete command\n")]
    [InlineData("show license s", "ERROR: % Ambiguous command:  \"show license s\"\n")]
    public async Task Script_IncompleteOrAmbiguous_PrintsAsaError(string line, string expected)
    {
        var (_, output) = await _device.RunAsync("enable\n" + line + "\n");

        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserExec_ConfigureTerminal_IsInvalidInput()
    {
        var (_, output) = await _device.RunAsync("configure terminal\n");

        Assert.Contains("configure terminal\n^\nERROR: % Invalid input detected", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigSubMode_ShowCommand_StaysInSubMode()
    {
        var input = "enable\n\nconf t\nlicense smart\nshow running-config license\nfeature tier standard\nend\nshow running-config license\n";

        var (_, output) = await _device.RunAsync(input, interactive: true);

        Assert.Contains("ciscoasa(config-smart-lic)# license smart\nciscoasa(config-smart-lic)# ciscoasa(config-smart-lic)# ciscoasa# ", output, StringComparison.Ordinal);
        Assert.EndsWith("license smart\n feature tier standard\nciscoasa# ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigSubMode_ParentCommand_ReturnsToParentMode()
    {
        var (_, output) = await _device.RunAsync("enable\n\nconf t\nlicense smart\ncall-home\n", interactive: true);

        Assert.EndsWith("ciscoasa(config-smart-lic)# ciscoasa(cfg-call-home)# ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_AfterWriteMemory_KeepsOnlySavedConfig()
    {
        var script = """
            enable
            conf t
            license smart
            feature tier standard
            throughput level 1G
            end
            write memory
            conf t
            hostname fw1
            no license smart
            end
            reload
            n
            enable
            show running-config
            """;

        var (_, output) = await _device.RunAsync(script);

        Assert.Contains("Building configuration...\n", output, StringComparison.Ordinal);
        Assert.Contains("[OK]\n", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_device.DataDirectory, "startup-config")));
        Assert.Equal(2, _device.Agents.Count);
        Assert.True(_device.Agents[0].Disposed);
        var afterReload = output[output.LastIndexOf("Rebooting", StringComparison.Ordinal)..];
        Assert.Contains("hostname ciscoasa\n", afterReload, StringComparison.Ordinal);
        Assert.Contains("license smart\n feature tier standard\n throughput level 1G\n", afterReload, StringComparison.Ordinal);
        Assert.Equal(AgentStates.StandardTag1G, Assert.Single(_device.Agent.Entitlements).Tag);
    }

    [Fact]
    public async Task NextBoot_ReadsStartupConfig()
    {
        await _device.RunAsync("enable\nconf t\nhostname fw1\ncall-home\nhttp-proxy 127.0.0.1 port 3128\nend\nwrite memory\n");

        var (_, output) = await _device.RunAsync("enable\n\nshow running-config call-home\n", interactive: true);

        Assert.Contains("fw1> ", output, StringComparison.Ordinal);
        Assert.Contains("call-home\n http-proxy 127.0.0.1 port 3128\n profile License\n", output, StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:3128/", _device.Agent.Transport!.ProxyUrl!.ToString());
    }

    [Fact]
    public async Task StartupConfig_BadLine_IsReportedAndSkipped()
    {
        await File.WriteAllTextAsync(
            Path.Combine(_device.DataDirectory, "startup-config"),
            "hostname fw2\nlicense smart\n feature tier gold\n throughput level 1G\n",
            TestContext.Current.CancellationToken);

        var (_, output) = await _device.RunAsync("enable\nshow running-config license\n");

        Assert.Contains(" feature tier gold\n", output, StringComparison.Ordinal);
        Assert.Contains("ERROR: % Invalid input detected at '^' marker.\n", output, StringComparison.Ordinal);
        Assert.EndsWith("license smart\n throughput level 1G\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SerialNumber_FirstBoot_IsCreatedOnceAndKept()
    {
        await _device.RunAsync("");
        var serialPath = Path.Combine(_device.DataDirectory, "serial-number");
        var first = (await File.ReadAllTextAsync(serialPath, TestContext.Current.CancellationToken)).Trim();

        var (_, output) = await _device.RunAsync("show license udi\n");

        Assert.Matches("^9A[A-Z0-9]{9}$", first);
        Assert.Equal(first, (await File.ReadAllTextAsync(serialPath, TestContext.Current.CancellationToken)).Trim());
        Assert.Contains($"UDI: PID:ASAv,SN:{first}\n", output, StringComparison.Ordinal);
        Assert.Equal($"PID:ASAv,SN:{first}", _device.AgentOptions[^1].Udi.ToString());
        Assert.Equal(Path.Combine(_device.DataDirectory, "smart-agent-state.json"), _device.AgentOptions[^1].StatePath);
    }

    [Fact]
    public async Task Entitlement_OnlyWithTierAndLevel_IsRequested()
    {
        await _device.RunAsync("enable\nconf t\nlicense smart\nthroughput level 1G\n");
        Assert.Empty(_device.Agent.Entitlements);

        await _device.RunAsync("enable\nconf t\nlicense smart\nthroughput level 1G\nfeature tier standard\n");
        var entitlement = Assert.Single(_device.Agent.Entitlements);
        Assert.Equal(AgentStates.StandardTag1G, entitlement.Tag);
        Assert.Equal(1, entitlement.Count);

        await _device.RunAsync("enable\nconf t\nlicense smart\nthroughput level 1G\nfeature tier standard\nno feature tier\n");
        Assert.Empty(_device.Agent.Entitlements);
    }

    [Fact]
    public async Task ThroughputLevel_OtherModel_IsRejected()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nlicense smart\nthroughput level 10G\nshow running-config license\n");

        Assert.Contains("ERROR: Throughput level 10G is not allowed on this ASAv10. The throughput level of an ASAv10 is 1G", output, StringComparison.Ordinal);
        Assert.EndsWith("license smart\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThroughputLevel_OnAsav30_Accepts2G()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nlicense smart\nthroughput level 2G\nshow vm\n", _device.Options(vcpus: 4, memory: "8GB"));

        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        Assert.Contains("Model Id                     :  ASAv30\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultTransport_IsLocalLicenseAuthority()
    {
        await _device.RunAsync("");

        Assert.Equal(CallHomeConfig.DefaultLicenseDestination, _device.Agent.Transport!.ServerUrl.ToString());
        Assert.Null(_device.Agent.Transport.ProxyUrl);
    }

    [Fact]
    public async Task LicenseProfile_CannotBeRemoved()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\ncall-home\nno profile License\nshow running-config call-home\n");

        Assert.Contains("ERROR: The License profile cannot be removed", output, StringComparison.Ordinal);
        Assert.Contains(" profile License\n  destination address http " + CallHomeConfig.DefaultLicenseDestination, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/x")]
    [InlineData("/its/service/oddce/services/DDCEService")]
    [InlineData("not-a-url")]
    public async Task DestinationAddress_InvalidUrl_IsRejected(string url)
    {
        var (_, output) = await _device.RunAsync($"enable\nconf t\ncall-home\nprofile License\ndestination address http {url}\n");

        Assert.Contains($"ERROR: Destination address '{url}' is not a valid URL.", output, StringComparison.Ordinal);
        Assert.Equal(CallHomeConfig.DefaultLicenseDestination, _device.Agent.Transport!.ServerUrl.ToString());
    }

    [Fact]
    public async Task HttpProxy_SetAndRemoved_ReachesAgent()
    {
        await _device.RunAsync("enable\nconf t\ncall-home\nhttp-proxy 127.0.0.2 port 8080\n");
        Assert.Equal("http://127.0.0.2:8080/", _device.Agent.Transport!.ProxyUrl!.ToString());

        await _device.RunAsync("enable\nconf t\ncall-home\nhttp-proxy 127.0.0.2 port 8080\nno http-proxy\n");
        Assert.Null(_device.Agent.Transport!.ProxyUrl);
    }

    [Fact]
    public async Task HttpProxy_InvalidPort_IsRejected()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\ncall-home\nhttp-proxy 127.0.0.2 port 70000\n");

        Assert.Contains("ERROR: HTTP proxy port '70000' is invalid. Give a port from 1 to 65535.", output, StringComparison.Ordinal);
        Assert.Null(_device.Agent.Transport!.ProxyUrl);
    }

    [Fact]
    public async Task NoServiceCallHome_KeepsLicensingTransport()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nno service call-home\nshow running-config\n");

        Assert.Contains("no service call-home\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        Assert.Equal(CallHomeConfig.DefaultLicenseDestination, _device.Agent.Transport!.ServerUrl.ToString());
    }

    [Fact]
    public async Task Register_AlreadyRegisteredWithoutForce_SendsNothing()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync("enable\nlicense smart register idtoken ABC\nlicense smart register idtoken ABC force\n");

        Assert.Contains("ERROR: The product instance is already registered. Register with 'force' to register it again.", output, StringComparison.Ordinal);
        Assert.Equal(["Register:ABC:True"], _device.Agent.Calls.Where(c => c.StartsWith("Register:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Register_Failure_PrintsSyslogAndShowsReason()
    {
        _device.ConfigureAgent = agent => agent.OnRegister = (fake, _, _) =>
        {
            fake.State = AgentStates.RegistrationFailed;
            fake.Raise(AgentEventKind.RegistrationFailed, "The registration token has expired. Create a new token in the virtual account.");
            return new AgentResult(false, "token-expired", "The registration token has expired.");
        };

        var (_, output) = await _device.RunAsync("enable\nlicense smart register idtoken OLD\nshow license status\n");

        Assert.Contains("%ASA-3-444303: %SMART_LIC-3-AGENT_REG_FAILED: ", output, StringComparison.Ordinal);
        Assert.Contains("  Status: UNREGISTERED - REGISTRATION FAILED\n", output, StringComparison.Ordinal);
        Assert.Contains("    Failure reason: The registration token has expired.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_Register_RunsInBackgroundAndLogs()
    {
        var (_, output) = await _device.RunAsync("enable\n\nlicense smart register idtoken XYZ force\n", interactive: true);

        Assert.Contains("Register:XYZ:True", _device.Agent.Calls);
        Assert.Contains("%SMART_LIC-6-AGENT_REG_SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_NotRegistered_PrintsError()
    {
        var (_, output) = await _device.RunAsync("enable\nlicense smart renew auth\n");

        Assert.Contains("ERROR: The device is not registered", output, StringComparison.Ordinal);
        Assert.DoesNotContain("RenewAuthorization", _device.Agent.Calls);
    }

    [Theory]
    [InlineData("license smart renew id", "RenewIdCertificate", "ID_CERT_RENEW_SUCCESS")]
    [InlineData("license smart renew auth", "RenewAuthorization", "AUTH_RENEW_SUCCESS")]
    public async Task Renew_Registered_CallsAgent(string command, string call, string mnemonic)
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync("enable\n" + command + "\n");

        Assert.Contains(call, _device.Agent.Calls);
        Assert.Contains(mnemonic, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deregister_Registered_DeregistersAndReloads()
    {
        _device.ConfigureAgent = agent =>
        {
            if (_device.Agents.Count == 0)
            {
                agent.State = AgentStates.RegisteredAuthorized1G;
            }
        };

        var (_, output) = await _device.RunAsync("enable\nlicense smart deregister\nshow license status\n");

        Assert.Contains("Deregister", _device.Agents[0].Calls);
        Assert.Contains("%SMART_LIC-6-AGENT_DEREG_SUCCESS", output, StringComparison.Ordinal);
        Assert.Contains("*** --- START GRACEFUL SHUTDOWN ---", output, StringComparison.Ordinal);
        Assert.Equal(2, _device.Agents.Count);
        Assert.EndsWith("License reservation: DISABLED\n", output, StringComparison.Ordinal);
        Assert.Contains("  Status: UNREGISTERED\n", output[output.LastIndexOf("Rebooting", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_ReloadDeclined_KeepsRunning()
    {
        var (_, output) = await _device.RunAsync("enable\n\nreload\nn\n", interactive: true);

        Assert.Contains("Proceed with reload? [confirm]Reload aborted.\n", output, StringComparison.Ordinal);
        Assert.Single(_device.Agents);
    }

    [Fact]
    public async Task Interactive_ReloadConfirmed_Reboots()
    {
        var (_, output) = await _device.RunAsync("enable\n\nreload\n\n", interactive: true);

        Assert.Contains("Rebooting....", output, StringComparison.Ordinal);
        Assert.Equal(2, _device.Agents.Count);
        Assert.EndsWith("ciscoasa> ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowVersion_AfterChange_NamesModificationTime()
    {
        var (_, output) = await _device.RunAsync("enable\nshow version\nconf t\nhostname fw3\nshow version\n");

        Assert.Contains("Configuration has not been modified since last system restart.\n", output, StringComparison.Ordinal);
        Assert.Contains("Configuration last modified by enable_15 at 11:00:00.000 UTC Fri Feb 10 2023\n", output, StringComparison.Ordinal);
        Assert.Contains("fw3 up 0 mins 0 secs\n", output, StringComparison.Ordinal);
        Assert.Contains("Model Id:   ASAv10\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsCommandsOfMode()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nlicense smart\n?\n");

        Assert.Contains("  feature\n", output, StringComparison.Ordinal);
        Assert.Contains("  throughput\n", output, StringComparison.Ordinal);
        Assert.Contains("  call-home\n", output, StringComparison.Ordinal);
    }
}
