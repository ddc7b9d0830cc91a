using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text.Json;
using SmartLicensing.Cli.Api;
using SmartLicensing.Cli.Connection;
using SmartLicensing.Cli.Output;

namespace SmartLicensing.Cli.Commands;

/// <summary>
/// Runs the body of an admin command: resolves the connection, creates the client, and turns
/// connection, TLS and response-shape failures into one error line and exit code 1.
/// </summary>
internal static class AdminAction
{
    public static AdminOptions Configure(Command command, CliContext context, Func<AdminCall, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);

        var options = AdminOptions.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, options, body, cancellationToken));
        return options;
    }

    private static async Task<int> RunAsync(
        ParseResult parseResult,
        CliContext context,
        AdminOptions options,
        Func<AdminCall, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        var resolution = ConnectionResolver.Resolve(options.Read(parseResult), context.GetEnvironmentVariable);
        if (resolution.Settings is not { } settings)
        {
            await context.Error.WriteLineAsync(resolution.ErrorMessage);
            return resolution.ExitCode;
        }

        HttpMessageHandler handler;
        try
        {
            handler = context.CreateHttpHandler(settings);
        }
        catch (CryptographicException ex)
        {
            await context.Error.WriteLineAsync($"error: the CA file {settings.CaFile} could not be read as PEM certificates: {ex.Message}");
            return CliApp.Failure;
        }

        using var client = new AdminApiClient(settings, handler);
        var output = new CliOutput(context);
        var call = new AdminCall(parseResult, client, output, parseResult.GetValue(options.Json), context.Time);
        try
        {
            return await body(call, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return output.Fail(DescribeConnectionFailure(settings.Server, ex));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return output.Fail($"the license server at {settings.Server} did not answer within {AdminApiClient.RequestTimeout.TotalSeconds:0} seconds.");
        }
        catch (JsonException ex)
        {
            return output.Fail($"the answer of the license server at {settings.Server} could not be read: {ex.Message}");
        }
    }

    internal static string DescribeConnectionFailure(Uri server, HttpRequestException exception)
    {
        if (FindInner<ServerCertificateTimeException>(exception) is { } time)
        {
            return $"the TLS certificate of the license server at {server} {time.Reason}, and this computer's clock is at "
                + $"{time.CheckedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}. "
                + "Check the clocks of this computer and of the server; a restarted server issues a new certificate that starts at the system time.";
        }

        if (FindInner<AuthenticationException>(exception) is not null)
        {
            return $"the TLS certificate of the license server at {server} is not trusted. "
                + $"Give the server's CA with --ca FILE, with --data DIR (uses DIR/ca.pem) or with {EnvironmentVariables.CaFile}.";
        }

        if (exception.HttpRequestError == HttpRequestError.ConnectionError || FindInner<SocketException>(exception) is not null)
        {
            var reason = FindInner<SocketException>(exception)?.Message ?? exception.Message;
            return $"cannot connect to the license server at {server} ({reason}). "
                + "Start it with 'smartlic authority', or check --server, admin.env or SMARTLIC_SERVER.";
        }

        var innermost = Innermost(exception);
        var detail = ReferenceEquals(innermost, exception) ? exception.Message : $"{exception.Message} {innermost.Message}";
        var httpsHint = server.Scheme == Uri.UriSchemeHttp
            ? $" The server may expect HTTPS ('smartlic authority' listens only on HTTPS): try --server {new UriBuilder(server) { Scheme = Uri.UriSchemeHttps }.Uri}."
            : "";
        return $"the request to the license server at {server} failed: {detail}{httpsHint}";
    }

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is { } inner)
        {
            current = inner;
        }

        return current;
    }

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
