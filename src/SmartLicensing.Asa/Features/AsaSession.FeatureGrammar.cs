namespace SmartLicensing.Asa.Cli;

/// <summary>Commands of the licensed features: interfaces with VLANs, IPsec proposals, SSL ciphers, inspection, TLS proxy and the Botnet Traffic Filter.</summary>
internal sealed partial class AsaSession
{
    /// <summary>Most ciphers one <c>protocol esp</c> line takes.</summary>
    private const int MaximumProposalWords = 8;

    private static void AddFeatureCommands(CommandGrammar config)
    {
        CommandHandler sslCipher = static (s, a, _) => s.SetSslCipher(a);
        CommandHandler removeTlsProxy = static (s, _, _) => s.RemoveTlsProxyMaximum();
        config
            .Add("interface <name>", static (s, a, _) => s.EnterInterface(a.Argument("name")))
            .Add("no interface <name>", static (s, a, _) => s.RemoveInterface(a.Argument("name")))
            .Add("crypto ipsec ikev2 ipsec-proposal <name>", static (s, a, _) => s.EnterIpsecProposal(a.Argument("name")))
            .Add("no crypto ipsec ikev2 ipsec-proposal <name>", static (s, a, _) => s.RemoveBlock("crypto ipsec ikev2 ipsec-proposal " + a.Argument("name")))
            .Add("ssl cipher <version> <level>", sslCipher)
            .Add("ssl cipher <version> <level> <ciphers>", sslCipher)
            .Add("policy-map <name>", static (s, a, _) => s.EnterPolicyMap(a.Argument("name")))
            .Add("no policy-map <name>", static (s, a, _) => s.RemoveBlock("policy-map " + a.Argument("name")))
            .Add("class-map <name>", static (s, a, _) => s.EnterClassMap(a.Argument("name")))
            .Add("no class-map <name>", static (s, a, _) => s.RemoveBlock("class-map " + a.Argument("name")))
            .Add("tls-proxy maximum-sessions <sessions>", static (s, a, _) => s.SetTlsProxyMaximum(a.Argument("sessions")))
            .Add("no tls-proxy maximum-sessions", removeTlsProxy)
            .Add("no tls-proxy maximum-sessions <sessions>", removeTlsProxy)
            .Add("dynamic-filter updater-client enable", static (s, _, _) => s.EnableBotnetUpdater())
            .Add("no dynamic-filter updater-client enable", static (s, _, _) => s.RemoveBlock(BotnetUpdaterCommand))
            .Add("clear configure all", static (s, _, _) => s.ClearConfigureAll())
            .Add("configure factory-default", static (s, _, ct) => s.FactoryDefaultAsync(ct));
    }

    private static void AddFeatureModes(Dictionary<CliMode, CommandGrammar> grammars)
    {
        var subinterface = new CommandGrammar()
            .Add("exit", static (s, _, _) => s.ExitMode())
            .Add("end", static (s, _, _) => s.EnterMode(CliMode.PrivilegedExec))
            .Add("vlan <id>", static (s, a, _) => s.SetVlan(a.Argument("id")))
            .Add("no vlan [<id>]", static (s, _, _) => s.SetVlan(null))
            .Add("nameif <name>", static (s, a, _) => s.SetSubCommand("nameif", " nameif " + a.Argument("name")))
            .Add("no nameif [<name>]", static (s, _, _) => s.SetSubCommand("nameif", null))
            .Add("security-level <level>", static (s, a, _) => s.SetSubCommand("security-level", " security-level " + a.Argument("level")))
            .Add("shutdown", static (s, _, _) => s.SetSubCommand("shutdown", " shutdown"))
            .Add("no shutdown", static (s, _, _) => s.SetSubCommand("shutdown", null));
        grammars[CliMode.Interface] = subinterface;
        grammars[CliMode.Subinterface] = subinterface;

        var proposal = new CommandGrammar()
            .Add("exit", static (s, _, _) => s.ExitMode())
            .Add("end", static (s, _, _) => s.EnterMode(CliMode.PrivilegedExec));
        CommandHandler encryption = static (s, a, _) => s.SetEspEncryption(a);
        CommandHandler integrity = static (s, a, _) => s.SetEspIntegrity(a);
        for (var words = 1; words <= MaximumProposalWords; words++)
        {
            var arguments = string.Join(' ', Enumerable.Range(1, words).Select(i => $"<w{i}>"));
            proposal
                .Add("protocol esp encryption " + arguments, encryption)
                .Add("protocol esp integrity " + arguments, integrity);
        }

        grammars[CliMode.IpsecProposal] = proposal;

        grammars[CliMode.PolicyMap] = new CommandGrammar()
            .Add("exit", static (s, _, _) => s.ExitMode())
            .Add("end", static (s, _, _) => s.EnterMode(CliMode.PrivilegedExec))
            .Add("class <name>", static (s, a, _) => s.EnterPolicyMapClass(a.Argument("name")));

        CommandHandler inspect = static (s, a, _) => s.AddInspection(a.Argument("protocol"), a.Arguments.GetValueOrDefault("map"));
        CommandHandler removeInspect = static (s, a, _) => s.RemoveInspection(a.Argument("protocol"));
        grammars[CliMode.PolicyMapClass] = new CommandGrammar()
            .Add("exit", static (s, _, _) => s.ExitMode())
            .Add("end", static (s, _, _) => s.EnterMode(CliMode.PrivilegedExec))
            .Add("inspect <protocol>", inspect)
            .Add("inspect <protocol> <map>", inspect)
            .Add("no inspect <protocol>", removeInspect)
            .Add("no inspect <protocol> <map>", removeInspect);

        grammars[CliMode.ClassMap] = new CommandGrammar()
            .Add("exit", static (s, _, _) => s.ExitMode())
            .Add("end", static (s, _, _) => s.EnterMode(CliMode.PrivilegedExec))
            .Add("match any", static (s, _, _) => s.SetSubCommand("match", " match any"))
            .Add("match default-inspection-traffic", static (s, _, _) => s.SetSubCommand("match", " match default-inspection-traffic"));
    }
}
