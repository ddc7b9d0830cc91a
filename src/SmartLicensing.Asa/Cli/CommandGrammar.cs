namespace SmartLicensing.Asa.Cli;

/// <summary>Runs one matched command against the session.</summary>
internal delegate Task CommandHandler(AsaSession session, CommandInvocation invocation, CancellationToken cancellationToken);

/// <summary>A command's syntax and handler.</summary>
/// <param name="Syntax">Syntax as written in the grammar, for example <c>license smart renew {id|auth}</c>.</param>
/// <param name="Handler">Code that runs the command.</param>
/// <param name="KeepsMode">
/// True for EXEC commands (show, write, register): typed in a sub-mode they run without leaving it.
/// Configuration commands of a parent mode move the session back to that mode, as on the ASA.
/// </param>
internal sealed record CommandDefinition(string Syntax, CommandHandler Handler, bool KeepsMode);

/// <summary>Keywords and arguments of one matched command line.</summary>
internal sealed record CommandInvocation(IReadOnlyDictionary<string, string> Arguments, IReadOnlySet<string> Keywords)
{
    public string Argument(string name) => Arguments[name];

    /// <summary>Whether the line contained the keyword (in its full, lower-case spelling).</summary>
    public bool Has(string keyword) => Keywords.Contains(keyword);
}

/// <summary>
/// The commands of one CLI mode as a tree of keywords and arguments. Syntax elements:
/// <c>word</c> a keyword, <c>&lt;name&gt;</c> one argument word, <c>{a|b}</c> one of several
/// keywords, and a final <c>[word]</c> an optional keyword.
/// </summary>
internal sealed class CommandGrammar
{
    private readonly CommandNode _root = new(null, null);

    public CommandGrammar Add(string syntax, CommandHandler handler, bool keepsMode = false)
    {
        var definition = new CommandDefinition(syntax, handler, keepsMode);
        List<CommandNode> frontier = [_root];
        var elements = syntax.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < elements.Length; i++)
        {
            var element = elements[i];
            if (element.StartsWith('['))
            {
                if (i != elements.Length - 1)
                {
                    throw new ArgumentException($"Only the last element of '{syntax}' may be optional.", nameof(syntax));
                }

                frontier.ForEach(node => node.SetCommand(definition));
                element = element.Trim('[', ']');
            }

            frontier = [.. frontier.SelectMany(node => Expand(element).Select(child => node.GetOrAdd(child.Keyword, child.Argument)))];
        }

        frontier.ForEach(node => node.SetCommand(definition));
        return this;
    }

    /// <summary>Returns the first words of the mode's commands, for <c>help</c>.</summary>
    public IEnumerable<string> FirstKeywords() =>
        _root.Children.Where(c => c.Keyword is not null).Select(c => c.Keyword!);

    /// <summary>
    /// For context help: what may follow <paramref name="tokens"/> (keywords, <c>&lt;argument&gt;</c>
    /// names, and <c>&lt;cr&gt;</c> when the words already form a command), limited to words that
    /// start with <paramref name="prefix"/>. Empty when the words do not match this grammar.
    /// </summary>
    public IReadOnlyList<string> NextWords(IReadOnlyList<CommandToken> tokens, string prefix)
    {
        var node = _root;
        foreach (var token in tokens)
        {
            var matches = node.Children
                .Where(c => c.Keyword is not null && c.Keyword.StartsWith(token.Text, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var next = matches.FirstOrDefault(c => string.Equals(c.Keyword, token.Text, StringComparison.OrdinalIgnoreCase))
                ?? (matches.Count == 1 ? matches[0] : null)
                ?? (matches.Count == 0 ? node.Children.FirstOrDefault(c => c.Argument is not null) : null);
            if (next is null)
            {
                return [];
            }

            node = next;
        }

        var words = node.Children
            .Select(c => c.Keyword ?? $"<{c.Argument}>")
            .Where(w => prefix.Length == 0 || w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (prefix.Length == 0 && node.Command is not null && node != _root)
        {
            words.Add("<cr>");
        }

        return words;
    }

    /// <summary>Matches a tokenized line: keywords by unique prefix (an exact keyword always wins), then arguments.</summary>
    public ParseOutcome Parse(IReadOnlyList<CommandToken> tokens)
    {
        var node = _root;
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        var keywords = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var text = tokens[i].Text;
            var matches = node.Children
                .Where(c => c.Keyword is not null && c.Keyword.StartsWith(text, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var next = matches.FirstOrDefault(c => string.Equals(c.Keyword, text, StringComparison.OrdinalIgnoreCase))
                ?? (matches.Count == 1 ? matches[0] : null);
            if (next is null && matches.Count > 1)
            {
                return ParseOutcome.Ambiguous(i);
            }

            if (next is not null)
            {
                keywords.Add(next.Keyword!);
            }
            else
            {
                next = node.Children.FirstOrDefault(c => c.Argument is not null);
                if (next is null)
                {
                    return ParseOutcome.Invalid(i);
                }

                arguments[next.Argument!] = text;
            }

            node = next;
        }

        return node.Command is { } command
            ? ParseOutcome.Matched(command, new CommandInvocation(arguments, keywords), tokens.Count)
            : ParseOutcome.Incomplete(tokens.Count);
    }

    private static IEnumerable<(string? Keyword, string? Argument)> Expand(string element)
    {
        if (element.StartsWith('<'))
        {
            return [(null, element.Trim('<', '>'))];
        }

        if (element.StartsWith('{'))
        {
            return element.Trim('{', '}').Split('|').Select(k => ((string?)k.ToLowerInvariant(), (string?)null));
        }

        return [(element.ToLowerInvariant(), null)];
    }

    private sealed class CommandNode(string? keyword, string? argument)
    {
        public string? Keyword { get; } = keyword;

        public string? Argument { get; } = argument;

        public List<CommandNode> Children { get; } = [];

        public CommandDefinition? Command { get; private set; }

        public CommandNode GetOrAdd(string? keyword, string? argument)
        {
            var existing = Children.FirstOrDefault(c => c.Keyword == keyword && c.Argument == argument);
            if (existing is not null)
            {
                return existing;
            }

            if (argument is not null && Children.Any(c => c.Argument is not null))
            {
                throw new InvalidOperationException($"Two different arguments follow the same words ('{argument}').");
            }

            var child = new CommandNode(keyword, argument);
            Children.Add(child);
            return child;
        }

        public void SetCommand(CommandDefinition definition)
        {
            if (Command is not null && Command.Handler != definition.Handler)
            {
                throw new InvalidOperationException($"'{definition.Syntax}' ends where '{Command.Syntax}' does.");
            }

            Command = definition;
        }
    }
}

/// <summary>One word of a command line and where it starts (0-based column in the typed text).</summary>
internal sealed record CommandToken(string Text, int Start)
{
    public static IReadOnlyList<CommandToken> Split(string line)
    {
        var tokens = new List<CommandToken>();
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            tokens.Add(new CommandToken(line[start..i], start));
        }

        return tokens;
    }
}

internal enum ParseStatus
{
    Matched,
    Invalid,
    Incomplete,
    Ambiguous,
}

/// <summary>Result of matching a line against a grammar.</summary>
/// <param name="Status">Whether and how the line matched.</param>
/// <param name="Command">The matched command, for <see cref="ParseStatus.Matched"/>.</param>
/// <param name="Invocation">The line's keywords and arguments, for <see cref="ParseStatus.Matched"/>.</param>
/// <param name="TokenIndex">Index of the first token that did not match, or the token count when all did.</param>
internal sealed record ParseOutcome(ParseStatus Status, CommandDefinition? Command, CommandInvocation? Invocation, int TokenIndex)
{
    public static ParseOutcome Matched(CommandDefinition command, CommandInvocation invocation, int tokenCount) =>
        new(ParseStatus.Matched, command, invocation, tokenCount);

    public static ParseOutcome Invalid(int tokenIndex) => new(ParseStatus.Invalid, null, null, tokenIndex);

    public static ParseOutcome Incomplete(int tokenCount) => new(ParseStatus.Incomplete, null, null, tokenCount);

    public static ParseOutcome Ambiguous(int tokenIndex) => new(ParseStatus.Ambiguous, null, null, tokenIndex);
}
