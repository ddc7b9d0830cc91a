using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Cli;

/// <summary>The commands of each mode.</summary>
internal sealed partial class AsaSession
{
    private static Dictionary<CliMode, CommandGrammar> BuildGrammars(ProductCatalog catalog)
    {
        var user = new CommandGrammar()
            .Add("enable", static (s, _, ct) => s.EnableAsync(ct))
            .Add("exit", static (s, _, _) => s.EndSession())
            .Add("quit", static (s, _, _) => s.EndSession());
        AddShowCommands(user, privileged: false);

        var privileged = new CommandGrammar()
            .Add("enable", static (_, _, _) => Task.CompletedTask)
            .Add("disable", static (s, _, _) => s.Disable())
            .Add("exit", static (s, _, _) => s.EndSession())
            .Add("quit", static (s, _, _) => s.EndSession())
            .Add("configure terminal", static (s, _, _) => s.EnterMode(CliMode.Config))
            .Add("clock set <time> <first> <second> <year>", static (s, a, _) => s.SetClock(a.Argument("time"), a.Argument("first"), a.Argument("second"), a.Argument("year")));
        AddExecCommands(privileged);

        var config = new CommandGrammar()
            .Add("exit", static (s, _, _) => s.ExitMode())
            .Add("end", static (s, _, _) => s.EnterMode(CliMode.PrivilegedExec))
            .Add("hostname <name>", static (s, a, _) => s.SetHostname(a.Argument("name")))
            .Add("license smart", static (s, _, _) => s.EnterLicenseSmart())
            .Add("no license smart", static (s, _, _) => s.RemoveLicenseSmart())
            .Add("call-home", static (s, _, _) => s.EnterMode(CliMode.CallHome))
            .Add("service call-home", static (s, _, _) => s.SetServiceCallHome(true))
            .Add("no service call-home", static (s, _, _) => s.SetServiceCallHome(false));
        AddExecCommands(config);
        AddFeatureCommands(config);
        AddReservationConfigCommands(config);

        var levels = "{" + string.Join('|', catalog.AsavModels.Select(m => m.ThroughputLevel)) + "}";
        CommandHandler removeThroughput = static (s, _, _) => s.SetThroughputLevel(null);
        var smartLicense = new CommandGrammar()
            .Add("exit", static (s, _, _) => s.ExitMode())
            .Add("end", static (s, _, _) => s.EnterMode(CliMode.PrivilegedExec))
            .Add("feature tier standard", static (s, _, _) => s.SetFeatureTier(true))
            .Add("no feature tier [standard]", static (s, _, _) => s.SetFeatureTier(false))
            .Add($"throughput level {levels}", static (s, a, _) => s.SetThroughputLevel(a.Keywords))
            .Add("no throughput level", removeThroughput)
            .Add($"no throughput level {levels}", removeThroughput);
        AddFirepowerLicenseCommands(smartLicense);

        CommandHandler removeProxy = static (s, _, _) => s.RemoveHttpProxy();
        var callHome = new CommandGrammar()
            .Add("exit", static (s, _, _) => s.ExitMode())
            .Add("end", static (s, _, _) => s.EnterMode(CliMode.PrivilegedExec))
            .Add("profile <name>", static (s, a, _) => s.EnterProfile(a.Argument("name")))
            .Add("no profile <name>", static (s, a, _) => s.RemoveProfile(a.Argument("name")))
            .Add("http-proxy <address> port <port>", static (s, a, _) => s.SetHttpProxy(a.Argument("address"), a.Argument("port")))
            .Add("no http-proxy", removeProxy)
            .Add("no http-proxy <address> port <port>", removeProxy);

        CommandHandler removeDestination = static (s, _, _) => s.RemoveDestinationAddress();
        var profile = new CommandGrammar()
            .Add("exit", static (s, _, _) => s.ExitMode())
            .Add("end", static (s, _, _) => s.EnterMode(CliMode.PrivilegedExec))
            .Add("destination address http <url>", static (s, a, _) => s.SetDestinationAddress(a.Argument("url")))
            .Add("no destination address http", removeDestination)
            .Add("no destination address http <url>", removeDestination)
            .Add("destination transport-method http", static (_, _, _) => Task.CompletedTask)
            .Add("no destination transport-method [http]", static (s, _, _) => s.RemoveTransportMethod());

        var grammars = new Dictionary<CliMode, CommandGrammar>
        {
            [CliMode.UserExec] = user,
            [CliMode.PrivilegedExec] = privileged,
            [CliMode.Config] = config,
            [CliMode.SmartLicense] = smartLicense,
            [CliMode.CallHome] = callHome,
            [CliMode.CallHomeProfile] = profile,
        };
        AddFeatureModes(grammars);
        return grammars;
    }

    /// <summary>EXEC commands of privileged EXEC, also accepted in every configuration mode.</summary>
    private static void AddExecCommands(CommandGrammar grammar)
    {
        AddShowCommands(grammar, privileged: true);
        grammar
            .Add("write memory", static (s, _, _) => s.WriteMemory(), keepsMode: true)
            .Add("reload", static (s, _, ct) => s.ReloadCommandAsync(ct), keepsMode: true)
            .Add("license smart register idtoken <token> [force]", static (s, a, ct) => s.RegisterAsync(a.Argument("token"), a.Has("force"), ct), keepsMode: true)
            .Add("license smart renew {id|auth}", static (s, a, ct) => s.RenewAsync(a.Has("id"), ct), keepsMode: true)
            .Add("license smart deregister", static (s, _, ct) => s.DeregisterAsync(ct), keepsMode: true);
        AddLabCommands(grammar);
        AddReservationExecCommands(grammar);
    }

    private static void AddShowCommands(CommandGrammar grammar, bool privileged)
    {
        grammar
            .Add("show version", static (s, _, _) => s.ShowVersion(), keepsMode: true)
            .Add("show vm", static (s, _, _) => s.ShowVm(), keepsMode: true)
            .Add("show clock", static (s, _, _) => s.ShowClock(), keepsMode: true)
            .Add("show logging", static (s, _, _) => s.ShowLogging(), keepsMode: true)
            .Add("show license all", static (s, _, _) => s.ShowLicense(ShowLicenseKind.All), keepsMode: true)
            .Add("show license status", static (s, _, _) => s.ShowLicense(ShowLicenseKind.Status), keepsMode: true)
            .Add("show license summary", static (s, _, _) => s.ShowLicense(ShowLicenseKind.Summary), keepsMode: true)
            .Add("show license features", static (s, _, _) => s.ShowLicense(ShowLicenseKind.Features), keepsMode: true)
            .Add("show license udi", static (s, _, _) => s.ShowLicense(ShowLicenseKind.Udi), keepsMode: true);
        AddSessionShowCommands(grammar);
        if (!privileged)
        {
            return;
        }

        grammar
            .Add("show running-config", static (s, _, _) => s.ShowRunningConfig(null), keepsMode: true)
            .Add("show running-config license", static (s, _, _) => s.ShowRunningConfig("license"), keepsMode: true)
            .Add("show running-config call-home", static (s, _, _) => s.ShowRunningConfig("call-home"), keepsMode: true)
            .Add("show startup-config", static (s, _, _) => s.ShowStartupConfig(), keepsMode: true);
    }
}
