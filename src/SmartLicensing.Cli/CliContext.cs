using SmartLicensing.Cli.Api;
using SmartLicensing.Cli.Connection;
using Spectre.Console;

namespace SmartLicensing.Cli;

/// <summary>
/// Everything a command touches outside itself: console streams, environment variables, the clock
/// and the HTTP handler factory. Tests build one over string writers and a stub handler.
/// </summary>
internal sealed record CliContext(
    TextReader Input,
    TextWriter Output,
    TextWriter Error,
    IAnsiConsole Console,
    bool InputRedirected,
    Func<string, string?> GetEnvironmentVariable,
    TimeProvider Time,
    Func<ConnectionSettings, HttpMessageHandler> CreateHttpHandler)
{
    /// <summary>Width used for tables when stdout is not a terminal, so that rows do not wrap in files.</summary>
    public const int RedirectedTableWidth = 240;

    public static CliContext FromSystemConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) });
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedTableWidth;
        }

        return new CliContext(
            System.Console.In,
            System.Console.Out,
            System.Console.Error,
            console,
            System.Console.IsInputRedirected,
            Environment.GetEnvironmentVariable,
            TimeProvider.System,
            ServerHttpHandler.Create);
    }
}
