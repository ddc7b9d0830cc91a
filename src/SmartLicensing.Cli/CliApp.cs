using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using SmartLicensing.Cli.Commands;
using SmartLicensing.Cli.Hosting;

namespace SmartLicensing.Cli;

/// <summary>Builds the <c>smartlic</c> command tree and runs one command line.</summary>
internal static class CliApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand("smartlic: run a Smart Licensing server or an emulated ASA, and administer a server through its Admin API.");
        root.Subcommands.Add(AuthorityCommand.Create(context));
        root.Subcommands.Add(AsaCommand.Create(context));
        root.Subcommands.Add(VirtualAccountCommands.Create(context));
        root.Subcommands.Add(LicenseCommands.Create(context));
        root.Subcommands.Add(TokenCommands.Create(context));
        root.Subcommands.Add(DeviceCommands.Create(context));
        root.Subcommands.Add(EventCommands.Create(context));
        root.Subcommands.Add(ClockCommands.Create(context));
        root.Subcommands.Add(AlertCommands.Create(context));
        root.Subcommands.Add(AccountCommands.Create(context));
        root.Subcommands.Add(ReservationCommands.Create(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        var parseResult = BuildRootCommand(context).Parse(args);

        // Usage errors get their own exit code so that scripts can tell them from failed requests.
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            foreach (var error in UsefulErrors(parseResult))
            {
                await context.Error.WriteLineAsync($"error: {error.Message}");
            }

            await context.Error.WriteLineAsync("Run 'smartlic --help' or 'smartlic <command> --help' for usage.");
            return UsageError;
        }

        var invocation = new InvocationConfiguration { Output = context.Output, Error = context.Error };
        return await parseResult.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>
    /// Drops the "required command was not provided" error of a command group when another error
    /// is more specific, such as the unknown word typed where the subcommand belongs.
    /// </summary>
    private static IEnumerable<ParseError> UsefulErrors(ParseResult parseResult)
    {
        var errors = parseResult.Errors;
        if (errors.Count < 2)
        {
            return errors;
        }

        var specific = errors.Where(error => !IsMissingSubcommand(error, parseResult.UnmatchedTokens)).ToList();
        return specific.Count > 0 ? specific : errors;
    }

    // The unknown-word error is attached to the same command result, so tell them apart by the word it names.
    private static bool IsMissingSubcommand(ParseError error, IReadOnlyList<string> unmatchedTokens) =>
        error.SymbolResult is CommandResult { Command: { Action: null, Subcommands.Count: > 0 } }
        && !unmatchedTokens.Any(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal));
}
