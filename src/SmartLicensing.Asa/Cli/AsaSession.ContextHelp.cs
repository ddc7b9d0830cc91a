namespace SmartLicensing.Asa.Cli;

/// <summary>Context help after words (<c>show ?</c>, <c>show lic?</c>) and the ASA's ambiguity check for a lone word.</summary>
internal sealed partial class AsaSession
{
    /// <summary>
    /// First words of the real ASA's EXEC commands, emulated or not. A lone abbreviation that
    /// starts more than one of them is ambiguous on an ASA even when the emulator implements only one.
    /// </summary>
    private static readonly string[] AsaExecWords =
    [
        "capture", "clear", "clock", "cluster", "configure", "connect", "copy", "debug", "delete", "dir",
        "disable", "enable", "erase", "exit", "format", "help", "history", "license", "login", "logout",
        "mkdir", "more", "no", "packet-tracer", "ping", "quit", "reload", "rename", "rmdir", "send",
        "session", "setup", "show", "ssh", "terminal", "traceroute", "undebug", "verify", "who", "write",
    ];

    /// <summary>
    /// Prints the words that may follow a line ending in <c>?</c>, from this mode and its parent
    /// configuration modes. Returns false when the line does not ask for help.
    /// </summary>
    private bool TryShowContextHelp(string line, IReadOnlyList<CommandToken> tokens)
    {
        var last = tokens[^1];
        if (!last.Text.EndsWith('?'))
        {
            return false;
        }

        var prefix = last.Text[..^1];
        var before = tokens.Take(tokens.Count - 1).ToList();
        var words = new SortedSet<string>(StringComparer.Ordinal);
        for (CliMode? mode = Mode; mode is { } current && (current == Mode || current != CliMode.PrivilegedExec); mode = current.Parent())
        {
            words.UnionWith(_grammars[current].NextWords(before, prefix));
        }

        if (words.Count == 0)
        {
            var column = before.Count == 0 ? last.Start : before[^1].Start;
            ReportInvalidInput(line, prefix.Length > 0 ? last.Start : column);
            return true;
        }

        // <cr> comes last, as on the ASA.
        var hasEnd = words.Remove("<cr>");
        foreach (var word in words)
        {
            _output.WriteLine("  " + word);
        }

        if (hasEnd)
        {
            _output.WriteLine("  <cr>");
        }

        return true;
    }

    /// <summary>Whether a lone abbreviated word starts several ASA EXEC commands, such as <c>s</c>.</summary>
    private static bool IsAmbiguousLoneWord(IReadOnlyList<CommandToken> tokens)
    {
        if (tokens.Count != 1)
        {
            return false;
        }

        var text = tokens[0].Text;
        return !AsaExecWords.Contains(text, StringComparer.OrdinalIgnoreCase)
            && AsaExecWords.Count(word => word.StartsWith(text, StringComparison.OrdinalIgnoreCase)) > 1;
    }
}
