using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Hosting;

/// <summary>
/// Prepares the database and the first-start data before the server listens, then writes the
/// bound URL to the output and to admin.env once it listens.
/// </summary>
internal sealed class AuthorityStartup(
    AuthorityStartupSettings settings,
    StoreSettings store,
    IServiceScopeFactory scopes,
    IServer server,
    TimeProvider timeProvider,
    ILogger<AuthorityStartup> logger) : IHostedLifecycleService
{
    public const string ListeningPrefix = "Now listening on: ";

    private string? _newApiKey;
    private bool _keyReplaced;
    private bool _storePrepared;

    public Task StartingAsync(CancellationToken cancellationToken) => PrepareStoreAsync(cancellationToken);

    /// <summary>
    /// Creates or upgrades the schema and seeds the first-start data, once. The host calls it
    /// before it starts the other services, unless <see cref="AuthorityHost"/> has called it first.
    /// </summary>
    /// <exception cref="AuthorityStartException">The store cannot be used; the message names the reason.</exception>
    public async Task PrepareStoreAsync(CancellationToken cancellationToken)
    {
        if (_storePrepared)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            await using (await LicensingStore.LockStartupAsync(db, store, cancellationToken))
            {
                await LicensingStore.PrepareAsync(db, store, cancellationToken);
                HostLog.DatabaseReady(logger, store.Description);
                await SeedAsync(db, cancellationToken);
            }

            _storePrepared = true;
        }
        catch (Exception ex) when (store.Kind == StoreKind.Postgres && ex is not AuthorityStartException && PostgresStore.DescribeStartFailure(ex, store) is { } reason)
        {
            throw new AuthorityStartException(reason, ex);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var url = BoundUrl();
        AdminEnvFile.Write(AdminEnvPath, url, _newApiKey);

        var output = settings.Output;
        if (_newApiKey is not null)
        {
            var summary = _keyReplaced
                ? $"Replaced the admin API key because {AdminEnvFile.FileName} had none."
                : $"Created smart account '{settings.AccountName.Trim()}' with default virtual account '{AuthoritySeeder.DefaultVirtualAccountName}'.";
            await output.WriteLineAsync(summary);
            await output.WriteLineAsync($"Admin API key (shown once; saved in {AdminEnvPath}): {_newApiKey}");
        }
        else
        {
            await output.WriteLineAsync($"Admin API key: in {AdminEnvPath}");
        }

        await output.WriteLineAsync($"CA certificate (add it to the device trustpool): {Path.Combine(settings.DataDirectory, ServerCredentials.RootCertificateFile)}");
        await output.WriteLineAsync(ListeningPrefix + url);
        await output.FlushAsync(cancellationToken);
        HostLog.Listening(logger, url);
        _newApiKey = null;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        HostLog.Stopping(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        HostLog.Stopped(logger);
        return Task.CompletedTask;
    }

    private async Task SeedAsync(LicensingDbContext db, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        _newApiKey = await AuthoritySeeder.SeedAsync(db, settings.AccountName, now, cancellationToken);
        if (_newApiKey is not null)
        {
            HostLog.FirstStart(logger, settings.AccountName);
            return;
        }

        if (AdminEnvFile.Read(AdminEnvPath, AdminEnvFile.ApiKeyVariable) is null)
        {
            _newApiKey = await AuthoritySeeder.ReplaceAdminKeyAsync(db, now, cancellationToken);
            _keyReplaced = true;
            HostLog.AdminKeyReplaced(logger, AdminEnvPath);
        }
    }

    private string AdminEnvPath => Path.Combine(settings.DataDirectory, AdminEnvFile.FileName);

    private string BoundUrl()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server started without a bound address.");
        var port = new Uri(address).Port;
        return settings.Listen.ClientUrl(port);
    }
}

/// <summary>What <see cref="AuthorityStartup"/> needs from the options, resolved once in the builder.</summary>
internal sealed record AuthorityStartupSettings(string DataDirectory, string AccountName, ListenEndpoint Listen, TextWriter Output);
