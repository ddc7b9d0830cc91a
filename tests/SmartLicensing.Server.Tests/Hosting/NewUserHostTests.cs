using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartLicensing.Server.Hosting;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.DeviceEndpoint;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Hosting;

/// <summary>Start errors, log lines, the OpenAPI document and event texts that a first-time user meets.</summary>
public sealed class NewUserHostTests
{
    [Fact]
    public async Task RunAsync_PortInUse_FailsBeforeTheHostStarts()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        var directory = AuthorityServer.NewDataDirectory();
        try
        {
            var output = new StringWriter();

            var exitCode = await AuthorityHost.RunAsync(
                new AuthorityOptions { DataDirectory = directory, Listen = $"https://127.0.0.1:{port}" },
                output,
                TestContext.Current.CancellationToken);

            // The database is made by a hosted service: without it the host never started, so the
            // framework had no start failure to log next to the one-line error.
            Assert.Equal(1, exitCode);
            Assert.Contains("already in use", output.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(directory, SqliteStore.FileName)));
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task WrongApiKey_LogsOnlyTheAdminApiWarning()
    {
        await using var server = await AuthorityServer.StartAsync();
        var logs = new CapturedLogs();
        server.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        using var client = server.CreateClient("slk_not-the-key");

        var response = await client.GetAsync("/api/v1/account", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entries = logs.Entries;
        var warning = Assert.Single(entries, e => e.Message.Contains("Rejected an invalid Admin API key", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.DoesNotContain(entries, e => e.Message.Contains("AuthenticationScheme", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesApiKeySchemesAndRequiresThem()
    {
        await using var server = await AuthorityServer.StartAsync();

        var response = await server.AnonymousClient.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        var document = await response.JsonAsync(200);
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("apiKey").GetProperty("type").GetString());
        Assert.Equal("X-API-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        var list = document.GetProperty("paths").GetProperty("/api/v1/virtual-accounts").GetProperty("get");
        var names = list.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
        Assert.Equal(["bearer", "apiKey"], names);
    }

    [Fact]
    public async Task TokenCreatedEvent_OneDay_IsSingular()
    {
        await using var server = await AuthorityServer.StartAsync();

        (await server.Client.PostJsonAsync("/api/v1/virtual-accounts/DEFAULT/tokens", new { expiresAfterDays = 1, maxUses = 1 })).EnsureSuccessStatusCode();

        var events = await (await server.Client.GetAsync("/api/v1/events", TestContext.Current.CancellationToken)).JsonAsync(200);
        var message = events.EnumerateArray()
            .Select(e => e.GetProperty("message").GetString()!)
            .Single(m => m.StartsWith("Token created", StringComparison.Ordinal));
        Assert.Contains("(1 day), 1 use (", message, StringComparison.Ordinal);
    }
}
