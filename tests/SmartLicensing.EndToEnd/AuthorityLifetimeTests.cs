using System.Net;
using System.Net.Sockets;
using SmartLicensing.EndToEnd.Support;

namespace SmartLicensing.EndToEnd;

/// <summary>How the real authority process ends when a service manager stops it or it cannot start.</summary>
public sealed class AuthorityLifetimeTests
{
    [Fact]
    public async Task Sigterm_Running_LogsStopAndExitsZero()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is a POSIX signal");
        await using var authority = new AuthorityProcess();
        await authority.InitializeAsync();

        var exitCode = await authority.TerminateAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("License server stopping", authority.Log, StringComparison.Ordinal);
        Assert.Contains("License server stopped", authority.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DatabaseUnreachable_OneStderrLine()
    {
        var result = await StartWithDatabaseAsync($"Host=127.0.0.1;Port={FreePort()};Database=smartlic;Username=smartlic;Password=unused");

        Assert.True(result.ExitCode == 1, result.Describe());
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Error: Cannot reach the PostgreSQL server at 127.0.0.1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PortOutOfRange_NamesPort()
    {
        var result = await StartWithDatabaseAsync("Host=127.0.0.1;Port=99999;Database=smartlic;Username=smartlic;Password=unused");

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Equal(
            "Error: The database connection string key 'Port' has a value '99999' that is not a TCP port. Use a port from 1 to 65535; PostgreSQL listens on 5432 by default.",
            result.Error.Trim());
    }

    /// <summary>Runs the authority on a new data folder with this connection string and deletes the folder afterwards.</summary>
    private static async Task<ProcessResult> StartWithDatabaseAsync(string connectionString)
    {
        var data = Directory.CreateTempSubdirectory("smartlic-e2e-").FullName;
        try
        {
            return await ProcessRunner.RunAsync(["authority", "--data", data, "--listen", "https://127.0.0.1:0", "--database", connectionString]);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
