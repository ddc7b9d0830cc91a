using System.CommandLine;
using SmartLicensing.Cli.Tests.Support;

namespace SmartLicensing.Cli.Tests.Commands;

/// <summary>Usage errors: one readable line and exit code 2, never a stack trace.</summary>
public sealed class UsageErrorTests
{
    private static readonly Type[] NumericTypes = [typeof(int), typeof(int?), typeof(long), typeof(long?), typeof(double), typeof(double?), typeof(decimal), typeof(decimal?)];

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999")]
    [InlineData("-1")]
    public async Task EveryNumericOption_BadValue_PrintsOneErrorNamingOptionAndValue(string value)
    {
        var cases = NumericOptionCases().ToList();
        Assert.True(cases.Count >= 5, $"expected the numeric options of token create, event list and asa; found {cases.Count}");

        foreach (var (commandLine, option) in cases)
        {
            var cli = new CliHarness();

            var exitCode = await cli.RunAsync([.. commandLine, option.Name, value]);

            var lines = cli.Error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            var shown = string.Join(' ', commandLine) + " " + option.Name;
            Assert.True(exitCode == CliApp.UsageError, $"{shown} '{value}' exited with {exitCode}: {cli.Error}");
            Assert.Equal(2, lines.Length);
            Assert.StartsWith($"error: {option.Name} must be a whole number from ", lines[0], StringComparison.Ordinal);
            Assert.EndsWith($"'{value}' is not.", lines[0], StringComparison.Ordinal);
            Assert.Empty(cli.Handler.Requests);
        }
    }

    [Fact]
    public async Task UnknownCommand_PrintsOnlyTheUnrecognizedWord()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("bogus");

        Assert.Equal(CliApp.UsageError, exitCode);
        var lines = cli.Error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("'bogus'", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupWithoutSubcommand_StillSaysACommandIsMissing()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("token");

        Assert.Equal(CliApp.UsageError, exitCode);
        Assert.StartsWith("error: ", cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventList_CsvAndJson_IsUsageError()
    {
        var cli = new CliHarness();

        var exitCode = await cli.RunAsync("event", "list", "--csv", "--json", "--server", "https://127.0.0.1:8443", "--api-key", "k");

        Assert.Equal(CliApp.UsageError, exitCode);
        Assert.Contains("--csv and --json", cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(cli.Handler.Requests);
    }

    /// <summary>Each command line that reaches a numeric option, with its required options and arguments filled in.</summary>
    private static IEnumerable<(string[] CommandLine, Option Option)> NumericOptionCases()
    {
        var context = new CliContext(
            TextReader.Null,
            TextWriter.Null,
            TextWriter.Null,
            Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null) }),
            InputRedirected: true,
            _ => null,
            TimeProvider.System,
            _ => throw new InvalidOperationException("no request expected"));
        return Walk(CliApp.BuildRootCommand(context), []);
    }

    private static IEnumerable<(string[] CommandLine, Option Option)> Walk(Command command, string[] path)
    {
        foreach (var option in command.Options.Where(o => NumericTypes.Contains(o.ValueType)))
        {
            string[] required = [.. command.Options.Where(o => o.Required && o != option).SelectMany(o => new[] { o.Name, "x" })];
            string[] arguments = [.. command.Arguments.Select(_ => "x")];
            string[] connection = command.Options.Any(o => o.Name == "--server") ? ["--server", "https://127.0.0.1:8443", "--api-key", "k"] : [];
            yield return ([.. path, .. arguments, .. required, .. connection], option);
        }

        foreach (var subcommand in command.Subcommands)
        {
            foreach (var found in Walk(subcommand, [.. path, subcommand.Name]))
            {
                yield return found;
            }
        }
    }
}
