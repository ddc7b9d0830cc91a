using SmartLicensing.Cli.Connection;
using Spectre.Console;

namespace SmartLicensing.Cli.Tests.Support;

/// <summary>Runs smartlic command lines in-process over string writers, a fixed clock and given environment variables.</summary>
internal sealed class CliHarness
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public CliHarness(Func<RecordedRequest, HttpResponseMessage>? respond = null)
    {
        Handler = new StubHttpHandler(respond ?? (_ => StubHttpHandler.Json(System.Net.HttpStatusCode.OK, "[]")));
    }

    public StubHttpHandler Handler { get; }

    public ConnectionSettings? UsedSettings { get; private set; }

    public StringWriter Output { get; } = new();

    public StringWriter Error { get; } = new();

    public CliHarness WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public async Task<int> RunAsync(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = CliContext.RedirectedTableWidth;

        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var context = new CliContext(
            TextReader.Null,
            Output,
            Error,
            console,
            InputRedirected: true,
            name => _environment.GetValueOrDefault(name),
            time,
            settings =>
            {
                UsedSettings = settings;
                return Handler;
            });
        return await CliApp.RunAsync(args, context, TestContext.Current.CancellationToken);
    }
}
