using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Leases;

/// <summary>
/// The lease as one conditional update of its row: set holder and expiry where the row is this
/// node's or has expired. The database runs competing updates of one row one after the other
/// and checks the condition again for the second, so two nodes cannot both take it.
/// </summary>
public sealed class DatabaseLease(string name, IServiceScopeFactory scopes, TimeProvider timeProvider, LeaseOptions options) : IDatabaseLease
{
    private DateTimeOffset? _heldUntil;

    public string Name { get; } = name;

    public string HolderId { get; } = NewHolderId();

    public bool IsHeld => _heldUntil is { } until && until > timeProvider.GetUtcNow();

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var now = timeProvider.GetUtcNow();
        var expires = now + options.Duration;

        var taken = await db.Leases
            .Where(l => l.Name == Name && (l.Holder == HolderId || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, HolderId).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        _heldUntil = taken == 1 ? expires : null;
        return taken == 1;
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_heldUntil is null)
        {
            return;
        }

        _heldUntil = null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var now = timeProvider.GetUtcNow();
        await db.Leases
            .Where(l => l.Name == Name && l.Holder == HolderId)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, now), cancellationToken);
    }

    private static string NewHolderId() =>
        $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
