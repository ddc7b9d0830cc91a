using SmartLicensing.Server.Licenses;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Devices;

/// <summary>
/// Keeps the in-use totals of <see cref="EntitlementBalance"/> in step with what product
/// instances use. Every change gives the balance row a new version, so two requests that change
/// the same row at once cannot both save.
/// </summary>
internal static class EntitlementUsage
{
    /// <summary>The balance of a tag in a virtual account; a missing row is added with nothing purchased.</summary>
    public static async Task<EntitlementBalance> GetBalanceAsync(LicensingDbContext db, int virtualAccountId, string tag, CancellationToken cancellationToken)
    {
        var balance = await db.EntitlementBalances.FindAsync([virtualAccountId, tag], cancellationToken);
        if (balance is not null)
        {
            return balance;
        }

        balance = new EntitlementBalance { VirtualAccountId = virtualAccountId, Tag = tag, Version = Guid.NewGuid() };
        db.EntitlementBalances.Add(balance);
        return balance;
    }

    public static async Task<EntitlementBalance> AdjustAsync(LicensingDbContext db, int virtualAccountId, string tag, int inUseDelta, CancellationToken cancellationToken)
    {
        var balance = await GetBalanceAsync(db, virtualAccountId, tag, cancellationToken);
        if (inUseDelta != 0)
        {
            balance.InUse += inUseDelta;
            balance.Version = Guid.NewGuid();
        }

        return balance;
    }

    /// <summary>Takes everything the instance uses off the balances of its current virtual account.</summary>
    public static async Task ReleaseAllAsync(LicensingDbContext db, ProductInstance instance, CancellationToken cancellationToken)
    {
        foreach (var entitlement in instance.Entitlements)
        {
            await AdjustAsync(db, instance.VirtualAccountId, entitlement.Tag, -entitlement.Count, cancellationToken);
        }
    }

    /// <summary>
    /// Moves the instance and its usage to another virtual account. Each entitlement keeps its
    /// count; its status follows the new account's balance.
    /// </summary>
    public static async Task MoveAsync(LicensingDbContext db, ProductInstance instance, int targetVirtualAccountId, CancellationToken cancellationToken)
    {
        if (instance.VirtualAccountId == targetVirtualAccountId)
        {
            return;
        }

        await ReleaseAllAsync(db, instance, cancellationToken);
        instance.VirtualAccountId = targetVirtualAccountId;
        foreach (var entitlement in instance.Entitlements)
        {
            var balance = await AdjustAsync(db, targetVirtualAccountId, entitlement.Tag, entitlement.Count, cancellationToken);
            entitlement.Status = balance.Balance >= 0
                ? Protocol.Messages.EntitlementStatus.Authorized
                : Protocol.Messages.EntitlementStatus.OutOfCompliance;
        }
    }
}
