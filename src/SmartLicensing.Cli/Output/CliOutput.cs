using SmartLicensing.Cli.Api;
using Spectre.Console.Rendering;

namespace SmartLicensing.Cli.Output;

/// <summary>Writes command results: tables to the console, JSON and plain text to stdout, errors to stderr.</summary>
internal sealed class CliOutput(CliContext context)
{
    public void Write(IRenderable renderable) => context.Console.Write(renderable);

    public void WriteLine(string text) => context.Output.WriteLine(text);

    public void WriteJson(string json) => context.Output.WriteLine(CliJson.Indent(json));

    /// <summary>Prints the error line and returns the exit code for a failed request.</summary>
    public int Fail(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        context.Error.WriteLine(error.Format());
        return CliApp.Failure;
    }

    public int Fail(string message)
    {
        context.Error.WriteLine($"error: {message}");
        return CliApp.Failure;
    }
}
