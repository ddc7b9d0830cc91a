using System.Globalization;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Asa.Sessions;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Cli;

/// <summary>
/// The <c>lab</c> commands: not ASA commands, but a way to open simulated sessions and offer
/// traffic so that the licensed limits can be seen at work. Lab sessions end at a reload.
/// </summary>
internal sealed partial class AsaSession
{
    private const string SessionKinds = "{anyconnect|clientless|ikev1|ikev2|tls-proxy|srtp|connection}";

    private LabSessions _lab = new();

    private static void AddLabCommands(CommandGrammar grammar)
    {
        CommandHandler open = static (s, a, _) => s.OpenLabSessions(a);
        CommandHandler close = static (s, a, _) => s.CloseLabSessions(a);
        grammar
            .Add($"lab session open {SessionKinds} <count>", open, keepsMode: true)
            .Add("lab session open anyconnect <count> from-portal", open, keepsMode: true)
            .Add("lab session open srtp <count> passthrough", open, keepsMode: true)
            .Add($"lab session close {SessionKinds} [<count>]", close, keepsMode: true)
            .Add("lab session close srtp <count> passthrough", close, keepsMode: true)
            .Add("lab session show", static (s, _, _) => s.ShowLab(), keepsMode: true)
            .Add("lab traffic <rate>", static (s, a, _) => s.OfferTraffic(a.Argument("rate")), keepsMode: true);
    }

    private static void AddSessionShowCommands(CommandGrammar grammar)
    {
        grammar
            .Add("show vpn-sessiondb summary", static (s, _, _) => s.ShowSessions(SessionRenderer.VpnSummary), keepsMode: true)
            .Add("show conn count", static (s, _, _) => s.ShowSessions((lab, _) => SessionRenderer.ConnCount(lab)), keepsMode: true)
            .Add("show tls-proxy", static (s, _, _) => s.ShowSessions(SessionRenderer.TlsProxy), keepsMode: true);
    }

    private void ResetLab() => _lab = new LabSessions();

    private Task OpenLabSessions(CommandInvocation invocation)
    {
        if (!TryReadCount(invocation, out var count))
        {
            return Task.CompletedTask;
        }

        var kind = KindOf(invocation);
        var outcome = _lab.Open(kind, count!.Value, invocation.Has("from-portal"), CurrentLabLimits(EvaluatePlatformLicense()));
        _output.WriteLine(outcome.Succeeded ? outcome.Message : "ERROR: " + outcome.Message);
        return Task.CompletedTask;
    }

    private Task CloseLabSessions(CommandInvocation invocation)
    {
        if (!TryReadCount(invocation, out var count))
        {
            return Task.CompletedTask;
        }

        _output.WriteLine(_lab.Close(KindOf(invocation), count).Message);
        return Task.CompletedTask;
    }

    private bool TryReadCount(CommandInvocation invocation, out long? count)
    {
        count = null;
        if (!invocation.Arguments.TryGetValue("count", out var text))
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            count = value;
            return true;
        }

        _output.WriteLine($"ERROR: Session count '{text}' is invalid. Give a whole number of 1 or more.");
        return false;
    }

    private static LabSessionKind KindOf(CommandInvocation invocation)
    {
        if (invocation.Has("srtp"))
        {
            return invocation.Has("passthrough") ? LabSessionKind.SrtpPassthrough : LabSessionKind.Srtp;
        }

        return invocation.Has("anyconnect") ? LabSessionKind.AnyConnect
            : invocation.Has("clientless") ? LabSessionKind.Clientless
            : invocation.Has("ikev1") ? LabSessionKind.Ikev1
            : invocation.Has("ikev2") ? LabSessionKind.Ikev2
            : invocation.Has("tls-proxy") ? LabSessionKind.TlsProxy
            : LabSessionKind.Connection;
    }

    private LabLimits CurrentLabLimits(PlatformLicense license)
    {
        var model = license.LimitsModel;
        return new LabLimits(
            _device.Platform.ModelName,
            license.AnyConnectPeers,
            model.OtherVpnPeers,
            model.TotalVpnPeers,
            TlsProxyLimit(license),
            license.ExportClass == ExportClass.K9 ? null : license.K8Caps?.SrtpSessions,
            _device.Platform.FirewallConnections);
    }

    private Task ShowSessions(Func<LabSessions, LabLimits, string> render)
    {
        _output.Write(render(_lab, CurrentLabLimits(EvaluatePlatformLicense())));
        return Task.CompletedTask;
    }

    private Task ShowLab()
    {
        var license = EvaluatePlatformLicense();
        var throughput = TrafficBlocked(license)
            ? "0 Kbps (through-the-box traffic is blocked until the chassis obtains the Strong Encryption (3DES/AES) license)"
            : license.ThroughputLimit;
        _output.Write(SessionRenderer.LabSummary(_lab, CurrentLabLimits(license), throughput));
        return Task.CompletedTask;
    }

    /// <summary>
    /// <c>lab traffic &lt;rate&gt;</c>: offers through-the-box traffic and prints what the device
    /// forwards: an unlicensed ASAv forwards 100 Kbps, a licensed one up to its throughput level.
    /// The ASA on Firepower forwards nothing until it has Strong Encryption.
    /// </summary>
    private Task OfferTraffic(string rateText)
    {
        if (ParseRateKbps(rateText) is not { } offered)
        {
            _output.WriteLine($"ERROR: Rate '{rateText}' is invalid. Give a number with K, M or G, for example 500M or 2G.");
            return Task.CompletedTask;
        }

        var license = EvaluatePlatformLicense();
        if (TrafficBlocked(license))
        {
            _output.WriteLine($"Offered {FormatRate(offered)}, forwarded 0 Kbps: through-the-box traffic is blocked until the chassis obtains the Strong Encryption (3DES/AES) license.");
            return Task.CompletedTask;
        }

        if (license.ThroughputKbps is { } cap && offered > cap)
        {
            var reason = license.Licensed ? "that is the licensed throughput level" : "the device has no license";
            _output.WriteLine($"Offered {FormatRate(offered)}, forwarded {license.ThroughputLimit}: firewall throughput is limited to {license.ThroughputLimit} because {reason}.");
            return Task.CompletedTask;
        }

        _output.WriteLine($"Offered {FormatRate(offered)}, forwarded {FormatRate(offered)}: within the throughput limit ({license.ThroughputLimit}).");
        return Task.CompletedTask;
    }

    /// <summary>The ASA on Firepower forwards no through-the-box traffic until it has Strong Encryption.</summary>
    private bool TrafficBlocked(PlatformLicense license) => _device.Platform.IsFirepower && !license.StrongEncryption;

    /// <summary>Reads <c>500M</c>, <c>2G</c>, <c>64K</c> (optionally followed by <c>bps</c>) as Kbps.</summary>
    private static long? ParseRateKbps(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith("bps", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^3];
        }

        if (trimmed.Length < 2)
        {
            return null;
        }

        var factor = char.ToUpperInvariant(trimmed[^1]) switch
        {
            'K' => 1m,
            'M' => 1000m,
            'G' => 1_000_000m,
            _ => 0m,
        };
        return factor > 0m
            && decimal.TryParse(trimmed[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value > 0m
            ? (long)(value * factor)
            : null;
    }

    private static string FormatRate(long kbps) => kbps switch
    {
        >= 1_000_000 when kbps % 1_000_000 == 0 => string.Create(CultureInfo.InvariantCulture, $"{kbps / 1_000_000} Gbps"),
        >= 1000 when kbps % 1000 == 0 => string.Create(CultureInfo.InvariantCulture, $"{kbps / 1000} Mbps"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{kbps} Kbps"),
    };
}
