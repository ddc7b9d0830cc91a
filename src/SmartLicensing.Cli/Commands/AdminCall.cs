using System.CommandLine;
using System.Text.Json;
using SmartLicensing.Cli.Api;
using SmartLicensing.Cli.Output;
using Spectre.Console.Rendering;

namespace SmartLicensing.Cli.Commands;

/// <summary>What an admin command's body works with: the parsed command line, the API client and the output.</summary>
internal sealed record AdminCall(ParseResult ParseResult, AdminApiClient Client, CliOutput Output, bool Json, TimeProvider Time)
{
    public T? Get<T>(Option<T> option) => ParseResult.GetValue(option);

    public T? Get<T>(Argument<T> argument) => ParseResult.GetValue(argument);

    /// <summary>
    /// Ends a command that changes something: the error, the JSON body with --json, or the message.
    /// With --json and a response without a body (204), <paramref name="jsonWhenEmpty"/> is printed
    /// so that scripts still learn what changed.
    /// </summary>
    public int Finish(ApiResponse response, string message, object? jsonWhenEmpty = null)
    {
        ArgumentNullException.ThrowIfNull(response);

        if (response.Error is { } error)
        {
            return Output.Fail(error);
        }

        if (Json)
        {
            Output.WriteJson(string.IsNullOrWhiteSpace(response.Body)
                ? JsonSerializer.Serialize(jsonWhenEmpty ?? new { }, CliJson.Options)
                : response.Body);
            return CliApp.Success;
        }

        Output.WriteLine(message);
        return CliApp.Success;
    }

    /// <summary>Ends a command that reads something: the error, the JSON body with --json, or the rendered table.</summary>
    public int Show<T>(ApiResponse response, Func<T, IRenderable> render)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(render);

        if (response.Error is { } error)
        {
            return Output.Fail(error);
        }

        if (Json)
        {
            Output.WriteJson(response.Body);
            return CliApp.Success;
        }

        Output.Write(render(response.Read<T>()));
        return CliApp.Success;
    }
}
