using System.Globalization;
using System.Text.RegularExpressions;
using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Licensing;

namespace SmartLicensing.Asa.Cli;

/// <summary>
/// The configuration commands the licenses gate. Each rejection names the license or limit that
/// rejected the command. Lines replayed from the startup-config are not gated, because the licenses are
/// not known until the agent starts.
/// </summary>
internal sealed partial class AsaSession
{
    private const string BotnetUpdaterCommand = "dynamic-filter updater-client enable";
    private const string TlsProxyCommand = "tls-proxy maximum-sessions";
    private const string StrongEncryptionName = "Encryption-3DES-AES (Strong Encryption)";

    private static readonly string[] InterfaceTypes = ["GigabitEthernet", "TenGigabitEthernet", "Management", "Ethernet", "Port-channel"];

    /// <summary>ESP ciphers that need Strong Encryption. <c>des</c> and <c>null</c> do not.</summary>
    private static readonly HashSet<string> StrongEspCiphers = new(StringComparer.OrdinalIgnoreCase)
    {
        "3des", "aes", "aes-192", "aes-256", "aes-gcm", "aes-gcm-192", "aes-gcm-256", "aes-gmac", "aes-gmac-192", "aes-gmac-256",
    };

    private static readonly HashSet<string> WeakEspCiphers = new(StringComparer.OrdinalIgnoreCase) { "des", "null" };

    private static readonly string[] SslVersions = ["default", "tlsv1", "tlsv1.1", "tlsv1.2", "tlsv1.3", "dtlsv1", "dtlsv1.2"];

    /// <summary>SSL cipher levels that include 3DES or AES ciphers.</summary>
    private static readonly string[] StrongSslLevels = ["all", "medium", "fips", "high"];

    private static readonly string[] CarrierInspections = ["gtp", "diameter", "sctp"];

    /// <summary>The block the current sub-mode edits (<c>interface GigabitEthernet0/1.10</c>), or null.</summary>
    private string? _blockHeader;

    /// <summary>The class the <c>(config-pmap-c)</c> mode edits, or null.</summary>
    private string? _policyClass;

    /// <summary>Whether the TLS proxy limit is the model default rather than the license, as after <c>clear configure all</c> until a limit is configured.</summary>
    private bool _tlsProxyAtDefault;

    /// <summary>Whether license gates apply. They do not while the startup-config is replayed at boot.</summary>
    private bool GatesApply => !_replaying && _agent is not null;

    private Task EnterInterface(string name)
    {
        var normalized = NormalizeInterface(name);
        if (normalized is null)
        {
            _output.WriteLine($"ERROR: Interface '{name}' is invalid. Give a name such as GigabitEthernet0/1 or, with a VLAN, GigabitEthernet0/1.10.");
            return Task.CompletedTask;
        }

        var header = "interface " + normalized;
        if (Config.Blocks.Find(header) is null)
        {
            ChangeConfig(Config with { Blocks = Config.Blocks.Put(ConfigBlock.Single(header)) });
        }

        _blockHeader = header;
        Mode = normalized.Contains('.', StringComparison.Ordinal) ? CliMode.Subinterface : CliMode.Interface;
        return Task.CompletedTask;
    }

    private Task RemoveInterface(string name)
    {
        var normalized = NormalizeInterface(name) ?? name;
        return RemoveBlock("interface " + normalized);
    }

    private Task RemoveBlock(string header)
    {
        ChangeConfig(Config with { Blocks = Config.Blocks.RemoveAll(b => string.Equals(b.Header, header, StringComparison.OrdinalIgnoreCase)) });
        return Task.CompletedTask;
    }

    /// <summary>Assigns or removes the VLAN of the current subinterface. Only interfaces with a VLAN count toward the VLAN limit.</summary>
    private Task SetVlan(string? idText)
    {
        if (CurrentBlock() is not { } block)
        {
            return Task.CompletedTask;
        }

        if (idText is null)
        {
            return SetSubCommand("vlan", null);
        }

        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id is < 1 or > 4094)
        {
            _output.WriteLine($"ERROR: VLAN '{idText}' is invalid. Give a VLAN ID from 1 to 4094.");
            return Task.CompletedTask;
        }

        if (Mode != CliMode.Subinterface)
        {
            _output.WriteLine("ERROR: Only a subinterface, for example GigabitEthernet0/1.10, can have a VLAN assigned.");
            return Task.CompletedTask;
        }

        var hasVlan = block.Lines.Any(l => l.StartsWith(" vlan ", StringComparison.Ordinal));
        if (GatesApply && !hasVlan)
        {
            var license = EvaluatePlatformLicense();
            var maximum = license.LimitsModel.Vlans;
            var used = Config.Blocks.Count(b => b.Header.StartsWith("interface ", StringComparison.Ordinal)
                && b.Lines.Any(l => l.StartsWith(" vlan ", StringComparison.Ordinal)));
            if (used >= maximum)
            {
                _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ERROR: This {_device.Platform.ModelName} allows at most {maximum} interfaces with a VLAN (Maximum VLANs), and {used} have one. Remove the VLAN from another interface first."));
                return Task.CompletedTask;
            }
        }

        return SetSubCommand("vlan", " vlan " + id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Sets (or with null removes) the sub-command of the current block that starts with <paramref name="keyword"/>.</summary>
    private Task SetSubCommand(string keyword, string? line)
    {
        if (CurrentBlock() is not { } block)
        {
            return Task.CompletedTask;
        }

        var prefix = " " + keyword;
        var lines = block.Lines.RemoveAll(l => l == prefix || l.StartsWith(prefix + " ", StringComparison.Ordinal));
        if (line is not null)
        {
            lines = lines.Add(line);
        }

        ChangeConfig(Config with { Blocks = Config.Blocks.Put(block with { Lines = lines }) });
        return Task.CompletedTask;
    }

    private ConfigBlock? CurrentBlock() => _blockHeader is null ? null : Config.Blocks.Find(_blockHeader);

    private Task EnterIpsecProposal(string name)
    {
        OpenBlock("crypto ipsec ikev2 ipsec-proposal " + name);
        Mode = CliMode.IpsecProposal;
        return Task.CompletedTask;
    }

    private Task EnterPolicyMap(string name)
    {
        OpenBlock("policy-map " + name);
        Mode = CliMode.PolicyMap;
        return Task.CompletedTask;
    }

    private Task EnterClassMap(string name)
    {
        OpenBlock("class-map " + name);
        Mode = CliMode.ClassMap;
        return Task.CompletedTask;
    }

    private void OpenBlock(string header)
    {
        if (Config.Blocks.Find(header) is null)
        {
            ChangeConfig(Config with { Blocks = Config.Blocks.Put(ConfigBlock.Single(header)) });
        }

        _blockHeader = header;
    }

    /// <summary>Sets <c>protocol esp encryption</c>. 3DES and AES ciphers need Strong Encryption, and DES is always available.</summary>
    private Task SetEspEncryption(CommandInvocation invocation)
    {
        var ciphers = ProposalWords(invocation);
        var unknown = ciphers.FirstOrDefault(c => !StrongEspCiphers.Contains(c) && !WeakEspCiphers.Contains(c));
        if (unknown is not null)
        {
            _output.WriteLine($"ERROR: Encryption '{unknown}' is not an ESP cipher. Use des, 3des, aes, aes-192, aes-256, aes-gcm, aes-gcm-192, aes-gcm-256 or null.");
            return Task.CompletedTask;
        }

        var strong = ciphers.FirstOrDefault(StrongEspCiphers.Contains);
        if (GatesApply && strong is not null && !StrongEncryptionActive)
        {
            _output.WriteLine($"ERROR: Encryption {strong.ToLowerInvariant()} needs the {StrongEncryptionName} license, which this device does not have. {StrongEncryptionHint} Without it, only des is available.");
            return Task.CompletedTask;
        }

        return SetSubCommand("protocol esp encryption", " protocol esp encryption " + string.Join(' ', ciphers.Select(c => c.ToLowerInvariant())));
    }

    private Task SetEspIntegrity(CommandInvocation invocation) =>
        SetSubCommand("protocol esp integrity", " protocol esp integrity " + string.Join(' ', ProposalWords(invocation).Select(c => c.ToLowerInvariant())));

    private static List<string> ProposalWords(CommandInvocation invocation) =>
        [.. Enumerable.Range(1, MaximumProposalWords)
            .Select(i => invocation.Arguments.GetValueOrDefault($"w{i}"))
            .OfType<string>()];

    /// <summary><c>ssl cipher &lt;version&gt; &lt;level&gt; [custom string]</c>: levels and custom ciphers with 3DES or AES need Strong Encryption.</summary>
    private Task SetSslCipher(CommandInvocation invocation)
    {
        var version = invocation.Argument("version").ToLowerInvariant();
        var level = invocation.Argument("level").ToLowerInvariant();
        var custom = invocation.Arguments.GetValueOrDefault("ciphers");
        if (!SslVersions.Contains(version))
        {
            _output.WriteLine($"ERROR: SSL version '{version}' is invalid. Use one of {string.Join(", ", SslVersions)}.");
            return Task.CompletedTask;
        }

        if (level is not ("all" or "low" or "medium" or "fips" or "high" or "custom") || (level == "custom") != (custom is not null))
        {
            _output.WriteLine("ERROR: Give a cipher level: all, low, medium, fips, high, or custom followed by an OpenSSL cipher string.");
            return Task.CompletedTask;
        }

        var strong = StrongSslLevels.Contains(level)
            || (custom is not null && (custom.Contains("AES", StringComparison.OrdinalIgnoreCase) || custom.Contains("3DES", StringComparison.OrdinalIgnoreCase) || custom.Contains("DES-CBC3", StringComparison.OrdinalIgnoreCase)));
        if (GatesApply && strong && !StrongEncryptionActive)
        {
            _output.WriteLine($"ERROR: SSL cipher level '{(custom is null ? level : "custom " + custom)}' uses 3DES or AES, which needs the {StrongEncryptionName} license that this device does not have. {StrongEncryptionHint} Without it, use 'ssl cipher {version} low'.");
            return Task.CompletedTask;
        }

        var header = $"ssl cipher {version} ";
        var line = header + (custom is null ? level : $"custom {custom}");
        ChangeConfig(Config with { Blocks = Config.Blocks.RemoveStartingWith(header).Add(ConfigBlock.Single(line)) });
        return Task.CompletedTask;
    }

    private Task EnterPolicyMapClass(string name)
    {
        if (CurrentBlock() is not { } block)
        {
            return Task.CompletedTask;
        }

        var classLine = " class " + name;
        if (!block.Lines.Contains(classLine))
        {
            ChangeConfig(Config with { Blocks = Config.Blocks.Put(block with { Lines = block.Lines.Add(classLine) }) });
        }

        _policyClass = name;
        Mode = CliMode.PolicyMapClass;
        return Task.CompletedTask;
    }

    /// <summary><c>inspect</c>: GTP, Diameter and SCTP inspection need the Carrier license.</summary>
    private Task AddInspection(string protocol, string? map)
    {
        if (CurrentBlock() is not { } block || _policyClass is null)
        {
            return Task.CompletedTask;
        }

        var name = protocol.ToLowerInvariant();
        if (GatesApply && CarrierInspections.Contains(name) && !EvaluatePlatformLicense().Carrier)
        {
            var hint = _device.Platform.IsFirepower
                ? "Request it with 'feature carrier' under 'license smart'."
                : "Configure 'feature tier standard' and a throughput level under 'license smart', then register the device.";
            _output.WriteLine($"ERROR: {name.ToUpperInvariant()} inspection needs the Carrier license, which is not enabled on this device. {hint}");
            return Task.CompletedTask;
        }

        var line = "  inspect " + name + (map is null ? "" : " " + map);
        var lines = WithoutInspection(block, name);
        var classIndex = lines.IndexOf(" class " + _policyClass);
        var insertAt = classIndex + 1;
        while (insertAt < lines.Count && lines[insertAt].StartsWith("  ", StringComparison.Ordinal))
        {
            insertAt++;
        }

        ChangeConfig(Config with { Blocks = Config.Blocks.Put(block with { Lines = lines.Insert(insertAt, line) }) });
        return Task.CompletedTask;
    }

    private Task RemoveInspection(string protocol)
    {
        if (CurrentBlock() is { } block && _policyClass is not null)
        {
            ChangeConfig(Config with { Blocks = Config.Blocks.Put(block with { Lines = WithoutInspection(block, protocol.ToLowerInvariant()) }) });
        }

        return Task.CompletedTask;
    }

    /// <summary>The block's lines without the inspection of <paramref name="protocol"/> under the current class.</summary>
    private System.Collections.Immutable.ImmutableList<string> WithoutInspection(ConfigBlock block, string protocol)
    {
        var lines = block.Lines;
        var start = lines.IndexOf(" class " + _policyClass) + 1;
        for (var i = start; i < lines.Count && lines[i].StartsWith("  ", StringComparison.Ordinal); i++)
        {
            if (lines[i] == "  inspect " + protocol || lines[i].StartsWith("  inspect " + protocol + " ", StringComparison.Ordinal))
            {
                return lines.RemoveAt(i);
            }
        }

        return lines;
    }

    /// <summary>
    /// Sets <c>tls-proxy maximum-sessions</c>, or with <c>?</c> prints the range. The limit may not
    /// exceed the model limit, or the K8 cap while the licenses in use are K8.
    /// </summary>
    private Task SetTlsProxyMaximum(string text)
    {
        var license = GatesApply ? EvaluatePlatformLicense() : null;
        var maximum = license?.TlsProxyMaximum ?? int.MaxValue;
        if (text == "?" && license is not null)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  <1-{maximum}>  Maximum number of TLS proxy sessions; the license allows {license.TlsProxySessions}"));
            return Task.CompletedTask;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sessions) || sessions < 1)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ERROR: TLS proxy session count '{text}' is invalid. Give a number from 1 to {maximum}."));
            return Task.CompletedTask;
        }

        if (license is not null && sessions > maximum)
        {
            var reason = maximum < license.LimitsModel.TlsProxySessions
                ? string.Create(CultureInfo.InvariantCulture, $"the licenses in use are K8, which allow at most {maximum} TLS proxy sessions")
                : string.Create(CultureInfo.InvariantCulture, $"the Total TLS Proxy Sessions limit of this {_device.Platform.ModelName} is {maximum}");
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ERROR: {sessions} TLS proxy sessions are too many: {reason}."));
            return Task.CompletedTask;
        }

        _tlsProxyAtDefault = false;
        var line = string.Create(CultureInfo.InvariantCulture, $"{TlsProxyCommand} {sessions}");
        ChangeConfig(Config with { Blocks = Config.Blocks.RemoveStartingWith(TlsProxyCommand).Add(ConfigBlock.Single(line)) });
        return Task.CompletedTask;
    }

    private Task RemoveTlsProxyMaximum()
    {
        _tlsProxyAtDefault = false;
        ChangeConfig(Config with { Blocks = Config.Blocks.RemoveStartingWith(TlsProxyCommand) });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Returns the TLS proxy limit in force. A configured limit wins. Without one the license sets
    /// it, except after <c>clear configure all</c>, which leaves the model default.
    /// </summary>
    private int TlsProxyLimit(PlatformLicense license)
    {
        var configured = Config.Blocks.FirstOrDefault(b => b.Header.StartsWith(TlsProxyCommand + " ", StringComparison.Ordinal));
        if (configured is not null
            && int.TryParse(configured.Header[(TlsProxyCommand.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var sessions))
        {
            return Math.Min(sessions, license.TlsProxyMaximum);
        }

        return _tlsProxyAtDefault ? PlatformLicense.UnlicensedSessions : license.TlsProxySessions;
    }

    /// <summary><c>dynamic-filter updater-client enable</c>: the Botnet Traffic Filter needs Strong Encryption to download its database.</summary>
    private Task EnableBotnetUpdater()
    {
        if (GatesApply && _device.Platform.Firepower is { } firepower)
        {
            _output.WriteLine($"ERROR: The Botnet Traffic Filter is not supported on the {firepower.Platform.Name}.");
            return Task.CompletedTask;
        }

        if (GatesApply && !StrongEncryptionActive)
        {
            _output.WriteLine($"ERROR: The Botnet Traffic Filter needs the {StrongEncryptionName} license to download its dynamic database, and this device does not have it. {StrongEncryptionHint}");
            return Task.CompletedTask;
        }

        ChangeConfig(Config with { Blocks = Config.Blocks.Put(ConfigBlock.Single(BotnetUpdaterCommand)) });
        return Task.CompletedTask;
    }

    /// <summary>
    /// <c>clear configure all</c>: removes the feature configuration and the host name. The
    /// licensing blocks stay, because the Smart Agent holds the licenses. The TLS proxy limit
    /// returns to the model default, with a warning when the license allows more.
    /// </summary>
    private Task ClearConfigureAll()
    {
        ChangeConfig(Config with { Hostname = RunningConfig.DefaultHostname, Blocks = [] });
        _tlsProxyAtDefault = true;
        _blockHeader = null;
        _policyClass = null;
        if (_agent is null)
        {
            return Task.CompletedTask;
        }

        var license = EvaluatePlatformLicense();
        if (license.TlsProxySessions > PlatformLicense.UnlicensedSessions)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"WARNING: The TLS proxy limit is now {PlatformLicense.UnlicensedSessions}, the default of this {_device.Platform.ModelName}, which is below the {license.TlsProxySessions} sessions of the license. Raise it with 'tls-proxy maximum-sessions {license.TlsProxySessions}'."));
        }

        return Task.CompletedTask;
    }

    /// <summary>Expands an abbreviated interface type (<c>gi0/1.10</c>) to its full name, or returns null for an invalid name.</summary>
    private static string? NormalizeInterface(string name)
    {
        var match = InterfaceNamePattern().Match(name);
        if (!match.Success)
        {
            return null;
        }

        var typed = match.Groups["type"].Value;
        var types = InterfaceTypes.Where(t => t.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        var type = types.FirstOrDefault(t => string.Equals(t, typed, StringComparison.OrdinalIgnoreCase))
            ?? (types.Count >= 1 ? types[0] : null);
        return type is null ? null : type + match.Groups["number"].Value;
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z-]+)(?<number>\d+(/\d+)*(\.\d+)?)$")]
    private static partial Regex InterfaceNamePattern();
}
