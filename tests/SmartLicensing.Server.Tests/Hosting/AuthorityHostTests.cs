using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Hosting;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Hosting;

public sealed class AuthorityHostTests
{
    [Fact]
    public async Task Start_EmptyFolder_CreatesCaAdminEnvAndDatabase()
    {
        await using var server = await AuthorityServer.StartAsync();
        var adminEnv = Path.Combine(server.DataDirectory, AdminEnvFile.FileName);

        Assert.True(File.Exists(Path.Combine(server.DataDirectory, ServerCredentials.RootCertificateFile)));
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, SqliteStore.FileName)));
        Assert.True(File.Exists(adminEnv));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(adminEnv));
        }

        var lines = await File.ReadAllLinesAsync(adminEnv, TestContext.Current.CancellationToken);
        Assert.Contains($"SMARTLIC_SERVER={server.BaseAddress.ToString().TrimEnd('/')}", lines);
        var keyLine = Assert.Single(lines, l => l.StartsWith("SMARTLIC_API_KEY=", StringComparison.Ordinal));
        Assert.StartsWith("SMARTLIC_API_KEY=slk_", keyLine, StringComparison.Ordinal);

        var output = server.Output.ToString();
        Assert.Contains(server.ApiKey, output, StringComparison.Ordinal);
        Assert.Contains(ServerCredentials.RootCertificateFile, output, StringComparison.Ordinal);
        Assert.StartsWith("https://127.0.0.1:", AuthorityServer.ListeningUrl(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/licenses")]
    public async Task Head_Http2_AnswersHeadersWithoutBody(string path)
    {
        await using var server = await AuthorityServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Head, path) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"status {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Start_FirstTime_StoresOnlyKeyHash()
    {
        await using var server = await AuthorityServer.StartAsync();

        var keys = await server.WithDbAsync(db => db.ApiKeys.ToListAsync(TestContext.Current.CancellationToken));

        var key = Assert.Single(keys);
        Assert.Equal("admin", key.Name);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(server.ApiKey)), key.KeyHash);
    }

    [Fact]
    public async Task Restart_SameFolder_KeepsKeyAndDataAndUpdatesServerLine()
    {
        var directory = AuthorityServer.NewDataDirectory();
        try
        {
            string firstKey;
            await using (var first = await AuthorityServer.StartAsync(directory))
            {
                firstKey = first.ApiKey;
                var created = await first.Client.PostJsonAsync("/api/v1/virtual-accounts", new { name = "Lab" });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            // Point the server line elsewhere; the restart must rewrite it and keep the key line.
            var adminEnv = Path.Combine(directory, AdminEnvFile.FileName);
            AdminEnvFile.Write(adminEnv, "https://127.0.0.1:1", apiKey: null);

            await using var second = await AuthorityServer.StartAsync(directory);

            Assert.Equal(firstKey, second.ApiKey);
            Assert.DoesNotContain(firstKey, second.Output.ToString(), StringComparison.Ordinal);
            Assert.Equal(second.BaseAddress.ToString().TrimEnd('/'), AdminEnvFile.Read(adminEnv, AdminEnvFile.ServerVariable));
            var accounts = await second.Client.GetStringAsync("/api/v1/virtual-accounts", TestContext.Current.CancellationToken);
            Assert.Contains("\"Lab\"", accounts, StringComparison.Ordinal);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Restart_AdminEnvWithoutKey_ReplacesKey()
    {
        var directory = AuthorityServer.NewDataDirectory();
        try
        {
            string firstKey;
            await using (var first = await AuthorityServer.StartAsync(directory))
            {
                firstKey = first.ApiKey;
            }

            File.Delete(Path.Combine(directory, AdminEnvFile.FileName));
            await using var second = await AuthorityServer.StartAsync(directory);

            Assert.NotEqual(firstKey, second.ApiKey);
            using var oldKeyClient = second.CreateClient(firstKey);
            var rejected = await oldKeyClient.GetAsync("/api/v1/account", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
            var accepted = await second.Client.GetAsync("/api/v1/account", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task RunAsync_DataFolderUnderAFile_ReturnsOneWithOneLineError()
    {
        var parent = AuthorityServer.NewDataDirectory();
        Directory.CreateDirectory(parent);
        try
        {
            var blocker = Path.Combine(parent, "not-a-folder");
            await File.WriteAllTextAsync(blocker, "x", TestContext.Current.CancellationToken);
            var output = new StringWriter();

            var exitCode = await AuthorityHost.RunAsync(
                new AuthorityOptions { DataDirectory = Path.Combine(blocker, "data"), Listen = "https://127.0.0.1:0" },
                output,
                TestContext.Current.CancellationToken);

            Assert.Equal(1, exitCode);
            var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Error: Cannot use data folder", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(parent);
        }
    }

    [Fact]
    public async Task RunAsync_PortInUse_ReturnsOneWithOneLineError()
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

            Assert.Equal(1, exitCode);
            var errorLines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ToList();
            var line = Assert.Single(errorLines);
            Assert.Contains("already in use", line, StringComparison.Ordinal);
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsAndReturnsZero()
    {
        var directory = AuthorityServer.NewDataDirectory();
        try
        {
            var output = new StringWriter();
            var synchronizedOutput = TextWriter.Synchronized(output);
            using var stop = new CancellationTokenSource();

            var run = AuthorityHost.RunAsync(new AuthorityOptions { DataDirectory = directory, Listen = "https://127.0.0.1:0" }, synchronizedOutput, stop.Token);
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            while (!output.ToString().Contains("Now listening on: ", StringComparison.Ordinal) && !run.IsCompleted && waiting.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            Assert.False(run.IsCompleted, output.ToString());
            await stop.CancelAsync();

            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        }
        finally
        {
            AuthorityServer.DeleteDirectory(directory);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:8443")]
    [InlineData("https://example.invalid:8443")]
    [InlineData("https://127.0.0.1:8443/api")]
    [InlineData("not a url")]
    public void Build_InvalidListenAddress_ThrowsStartException(string listen)
    {
        var exception = Assert.Throws<AuthorityStartException>(() =>
            AuthorityHost.Build(new AuthorityOptions { DataDirectory = AuthorityServer.NewDataDirectory(), Listen = listen }, TimeProvider.System, TextWriter.Null));

        Assert.Contains(listen, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_NoKey_IsServedWithAdminRoutes()
    {
        await using var server = await AuthorityServer.StartAsync();

        var response = await server.AnonymousClient.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        var document = await response.JsonAsync(200);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/virtual-accounts", out _));
        Assert.True(paths.TryGetProperty("/api/v1/virtual-accounts/{name}/licenses", out _));
        Assert.Equal(JsonValueKind.Object, paths.ValueKind);
    }
}
