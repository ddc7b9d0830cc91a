using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartLicensing.Server.Hosting;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;
using Xunit;

namespace SmartLicensing.Server.Tests.Support;

/// <summary>
/// The real server on https://127.0.0.1 with a free port, a temporary data folder, a store (a
/// SQLite file there, or a new PostgreSQL database) and a fake clock, plus an HTTP client that
/// trusts only the server's generated CA.
/// </summary>
public sealed class AuthorityServer : IAsyncDisposable
{
    private readonly bool _ownsDirectory;
    private readonly TestDatabase? _ownedDatabase;

    private AuthorityServer(string dataDirectory, bool ownsDirectory, TestDatabase database, TestDatabase? ownedDatabase, FakeTimeProvider time, WebApplication app, StringWriter output)
    {
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        Database = database;
        _ownedDatabase = ownedDatabase;
        Time = time;
        App = app;
        Output = output;
    }

    public string DataDirectory { get; }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public WebApplication App { get; }

    public StringWriter Output { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public string ApiKey { get; private set; } = null!;

    /// <summary>Client with the admin key in the Authorization header.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Client without any API key.</summary>
    public HttpClient AnonymousClient { get; private set; } = null!;

    /// <summary>Starts a server on a new data folder and a new database; disposing deletes both.</summary>
    public static async Task<AuthorityServer> StartAsync(StoreKind store = StoreKind.Sqlite)
    {
        var database = TestDatabase.Create(store);
        try
        {
            return await StartAsync(NewDataDirectory(), database, ownsDirectory: true, ownsDatabase: true);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a server on an existing data folder with a SQLite file there; the caller deletes the folder.</summary>
    public static Task<AuthorityServer> StartAsync(string dataDirectory) =>
        StartAsync(dataDirectory, TestDatabase.Create(StoreKind.Sqlite));

    /// <summary>Starts a server on an existing data folder and database; the caller deletes them unless it passes ownership.</summary>
    public static async Task<AuthorityServer> StartAsync(string dataDirectory, TestDatabase database, bool ownsDirectory = false, bool ownsDatabase = false, string? listen = null, string? catalogFile = null)
    {
        ArgumentNullException.ThrowIfNull(database);

        // Certificates must be valid for the real TLS handshake, so the fake clock starts at the
        // real time, in whole seconds so that every store keeps the times exactly.
        var now = TimeProvider.System.GetUtcNow();
        var time = new FakeTimeProvider(now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond)));
        var output = new StringWriter();
        var options = new AuthorityOptions { DataDirectory = dataDirectory, Listen = listen ?? "https://127.0.0.1:0", Database = database.ConnectionString, CatalogFile = catalogFile };
        var app = AuthorityHost.Build(options, time, TextWriter.Synchronized(output));
        var server = new AuthorityServer(dataDirectory, ownsDirectory, database, ownsDatabase ? database : null, time, app, output);
        await app.StartAsync(TestContext.Current.CancellationToken);

        server.BaseAddress = new Uri(ListeningUrl(output.ToString()));
        server.ApiKey = AdminEnvFile.Read(Path.Combine(dataDirectory, AdminEnvFile.FileName), AdminEnvFile.ApiKeyVariable)
            ?? throw new InvalidOperationException("admin.env has no API key after start.");
        server.AnonymousClient = server.CreateClient(apiKey: null);
        server.Client = server.CreateClient(server.ApiKey);
        return server;
    }

    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), "smartlic-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Returns the URL of the line <c>Now listening on: &lt;url&gt;</c> in the output.</summary>
    public static string ListeningUrl(string output)
    {
        const string prefix = "Now listening on: ";
        var line = output.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The output has no listening line:\n{output}");
        return line[prefix.Length..];
    }

    /// <summary>Creates a client that trusts only the CA in the data folder and checks the host name.</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var handler = CreateTrustingHandler();
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>A handler whose TLS check trusts only the CA in the data folder and checks the host name.</summary>
    public SocketsHttpHandler CreateTrustingHandler()
    {
        var root = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(DataDirectory, ServerCredentials.RootCertificateFile)));
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(root);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        return handler;
    }

    public async Task WithDbAsync(Func<LicensingDbContext, Task> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        await action(db);
    }

    public async Task<T> WithDbAsync<T>(Func<LicensingDbContext, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        return await action(db);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        AnonymousClient?.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        if (_ownsDirectory)
        {
            DeleteDirectory(DataDirectory);
        }

        if (_ownedDatabase is not null)
        {
            await _ownedDatabase.DisposeAsync();
        }
    }

    public static void DeleteDirectory(string directory)
    {
        // SQLite pools connections; clear them so the file can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>Reads problem responses in assertions.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> HasCodeAsync(HttpResponseMessage response, int status, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == status, $"Expected {status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString() ?? string.Empty;
}

public static class JsonContentExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, int expectedStatus)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == expectedStatus, $"Expected {expectedStatus} but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
}
