using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmartLicensing.Protocol.Tokens;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.DeviceEndpoint;
using SmartLicensing.Server.Licenses;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tokens;
using Xunit;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

/// <summary>
/// The device endpoint on real Kestrel (HTTPS on 127.0.0.1, a free port) over a SQLite file, with
/// a smart account, two virtual accounts and some purchased licenses.
/// </summary>
internal sealed class DeviceEndpointHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public const string Std1G = "regid.2014-08.com.cisco.ASAv-STD-1G,1.0_5c4abf17-2b9a-48a5-9b83-af05b8e9dbb6";
    public const string Std100M = "regid.2014-08.com.cisco.ASAv-STD-100M,1.0_23a69974-c804-47d6-841d-f69dcb0a6186";
    public const string Std2G = "regid.2014-08.com.cisco.ASAv-STD-2G,1.0_e9706a60-0bca-4998-a8da-a3f4991467db";

    private readonly string _directory;
    private readonly WebApplication _app;

    private DeviceEndpointHost(string directory, WebApplication app, FakeTimeProvider time, ServerCredentials credentials, HttpClient client, CapturedLogs logs)
    {
        Logs = logs;
        _directory = directory;
        _app = app;
        Time = time;
        Credentials = credentials;
        Client = client;
    }

    public FakeTimeProvider Time { get; }

    public CapturedLogs Logs { get; }

    public ServerCredentials Credentials { get; }

    public HttpClient Client { get; }

    public DeviceServerConnection Connection => new(Client, Time, Credentials);

    public int LabAccountId { get; private set; }

    public int BranchAccountId { get; private set; }

    public static async Task<DeviceEndpointHost> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"slic-device-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var time = new FakeTimeProvider(Start);
        var credentials = ServerCredentials.LoadOrCreate(directory, [], time);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory, EnvironmentName = "Testing" });
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(credentials.ServerTlsCertificate)));
        builder.Services.AddSingleton(credentials);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddDbContext<LicensingDbContext>(options => options.UseSqlite($"Data Source={Path.Combine(directory, "licensing.db")};Pooling=False"));
        builder.Services.AddDeviceEndpoint();

        var app = builder.Build();
        app.MapDeviceEndpoint();
        await app.StartAsync(TestContext.Current.CancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(TrustingOnly(credentials.RootCertificate)) { BaseAddress = new Uri(address) };
        var host = new DeviceEndpointHost(directory, app, time, credentials, client, logs);
        await host.SeedAsync();
        return host;
    }

    public async Task<T> QueryAsync<T>(Func<LicensingDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        return await query(db);
    }

    public Task<EntitlementBalance?> BalanceAsync(int virtualAccountId, string tag) =>
        QueryAsync(db => db.EntitlementBalances.AsNoTracking().SingleOrDefaultAsync(b => b.VirtualAccountId == virtualAccountId && b.Tag == tag));

    public Task<RegistrationTokenRecord> TokenRecordAsync(string tokenText)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(tokenText));
        return QueryAsync(db => db.RegistrationTokens.AsNoTracking().SingleAsync(t => t.TokenHash == hash));
    }

    /// <summary>Creates a token the way the token service does: MAC over the body with the server's token key.</summary>
    public async Task<string> CreateTokenAsync(
        int? virtualAccountId = null,
        TimeSpan? lifetime = null,
        int? maxUses = null,
        bool revoked = false,
        bool exportControlled = true)
    {
        var id = Guid.NewGuid();
        var now = Time.GetUtcNow();
        var created = now.ToUnixTimeMilliseconds();
        var mac = HMACSHA256.HashData(Credentials.TokenMacKey, Encoding.ASCII.GetBytes(RegistrationToken.FormatBody(id, created)));
        var text = new RegistrationToken(id, created, mac).Encode();

        await QueryAsync(async db =>
        {
            db.RegistrationTokens.Add(new RegistrationTokenRecord
            {
                Id = id,
                VirtualAccountId = virtualAccountId ?? LabAccountId,
                CreatedAt = now,
                ExpiresAt = now + (lifetime ?? TimeSpan.FromDays(30)),
                MaxUses = maxUses,
                ExportControlled = exportControlled,
                TokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(text)),
                DisplayPrefix = text[..8],
                RevokedAt = revoked ? now : null,
                CreatedBy = "test",
                Version = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Credentials.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task SeedAsync()
    {
        await QueryAsync(async db =>
        {
            await db.Database.EnsureCreatedAsync();
            var smartAccount = new SmartAccount { Name = "Lab Smart Account", ExportControlledQualified = true, CreatedAt = Start };
            db.SmartAccounts.Add(smartAccount);
            await db.SaveChangesAsync();

            var lab = new VirtualAccount { SmartAccountId = smartAccount.Id, Name = "Lab", NormalizedName = "LAB", CreatedAt = Start };
            var branch = new VirtualAccount { SmartAccountId = smartAccount.Id, Name = "Branch", NormalizedName = "BRANCH", CreatedAt = Start };
            db.VirtualAccounts.AddRange(lab, branch);
            await db.SaveChangesAsync();
            LabAccountId = lab.Id;
            BranchAccountId = branch.Id;

            db.EntitlementBalances.AddRange(
                new EntitlementBalance { VirtualAccountId = lab.Id, Tag = Std1G, Purchased = 2, Version = Guid.NewGuid() },
                new EntitlementBalance { VirtualAccountId = lab.Id, Tag = Std100M, Purchased = 1, Version = Guid.NewGuid() },
                new EntitlementBalance { VirtualAccountId = branch.Id, Tag = Std1G, Purchased = 5, Version = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });
    }

    // The client trusts the test root only, as a device with that root in its trustpool does.
    private static SocketsHttpHandler TrustingOnly(X509Certificate2 root) => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(root);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.VerificationTime = Start.UtcDateTime;
                return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
            },
        },
    };
}
