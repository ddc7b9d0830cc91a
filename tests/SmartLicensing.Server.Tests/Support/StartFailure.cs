using SmartLicensing.Server.Hosting;
using Xunit;

namespace SmartLicensing.Server.Tests.Support;

/// <summary>Runs the server where it must refuse to start and returns its one error line.</summary>
public static class StartFailure
{
    public static async Task<string> LineAsync(string dataDirectory, string? database)
    {
        var output = new StringWriter();

        // A server that starts after all would run until cancelled.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var exitCode = await AuthorityHost.RunAsync(
            new AuthorityOptions { DataDirectory = dataDirectory, Listen = "https://127.0.0.1:0", Database = database },
            TextWriter.Synchronized(output),
            timeout.Token);

        var text = output.ToString();
        Assert.True(exitCode == 1, $"Expected exit code 1 but got {exitCode}:\n{text}");
        var line = Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        return line;
    }
}
