using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using SmartLicensing.Server.Hosting;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Clock;

/// <summary>The real server with <see cref="AuthorityOptions.LabClock"/> on, over a fake system clock, on a SQLite file.</summary>
internal sealed class LabClockServer : IAsyncDisposable
{
    private LabClockServer(string dataDirectory, FakeTimeProvider systemTime, WebApplication app, HttpClient client)
    {
        DataDirectory = dataDirectory;
        SystemTime = systemTime;
        App = app;
        Client = client;
    }

    public string DataDirectory { get; }

    /// <summary>The clock under the lab clock.</summary>
    public FakeTimeProvider SystemTime { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<LabClockServer> StartAsync(string? dataDirectory = null, FakeTimeProvider? systemTime = null, bool labClock = true)
    {
        dataDirectory ??= AuthorityServer.NewDataDirectory();
        var now = TimeProvider.System.GetUtcNow();
        systemTime ??= new FakeTimeProvider(now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond)));
        var output = new StringWriter();
        var options = new AuthorityOptions { DataDirectory = dataDirectory, Listen = "https://127.0.0.1:0", LabClock = labClock };
        var app = AuthorityHost.Build(options, systemTime, TextWriter.Synchronized(output));
        await app.StartAsync(TestContext.Current.CancellationToken);

        var url = new Uri(AuthorityServer.ListeningUrl(output.ToString()));
        var key = AdminEnvFile.Read(Path.Combine(dataDirectory, AdminEnvFile.FileName), AdminEnvFile.ApiKeyVariable)!;
        var root = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dataDirectory, ServerCredentials.RootCertificateFile)));
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(root);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return certificate is not null && chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        var client = new HttpClient(handler) { BaseAddress = url };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new LabClockServer(dataDirectory, systemTime, app, client);
    }

    /// <summary>Stops the server and keeps the data folder, for a restart on it.</summary>
    public async Task StopAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        AuthorityServer.DeleteDirectory(DataDirectory);
    }
}
