using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartLicensing.Catalog;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.Alerts;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Licenses;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Compliance;

/// <summary>
/// One pass of the compliance checks at the current time: term licenses that ended leave the
/// purchased counts, product instances quiet past the maximum renewal period are removed, and
/// the alerts are brought in line with what the store now holds. Running it twice at the same
/// time changes nothing the second time.
/// </summary>
public sealed class ComplianceSweep(
    LicensingDbContext db,
    ProductCatalog catalog,
    AlertService alerts,
    TimeProvider timeProvider,
    ILogger<ComplianceSweep> logger)
{
    private static readonly string[] SyncedKinds = [AlertKinds.InsufficientLicenses, AlertKinds.FailedToConnect, AlertKinds.LicensesExpiring];

    public async Task<ComplianceReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var names = await VirtualAccountLookup.NamesAsync(db, cancellationToken);

        var expired = await ExpireTermLicensesAsync(now, names, cancellationToken);
        var removed = await RemoveQuietInstancesAsync(now, cancellationToken);

        var conditions = new List<AlertCondition>();
        conditions.AddRange(await InsufficientLicensesAsync(names, cancellationToken));
        conditions.AddRange(await FailedToConnectAsync(now, cancellationToken));
        conditions.AddRange(await LicensesExpiringAsync(now, names, cancellationToken));
        await alerts.SyncAsync(SyncedKinds, conditions, now, cancellationToken);
        await ClearRemovedAlertsOfReturnedInstancesAsync(now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        ComplianceLog.Done(logger, expired, removed, conditions.Count);
        return new ComplianceReport(expired, removed, conditions.Count);
    }

    /// <summary>Forgets tracked changes after a lost race, so the next run reads fresh rows.</summary>
    public void Reset() => db.ChangeTracker.Clear();

    private async Task<int> ExpireTermLicensesAsync(DateTimeOffset now, Dictionary<int, string> names, CancellationToken cancellationToken)
    {
        var ended = await db.LicensePurchases
            .Where(p => p.ExpiresAt != null && p.ExpiresAt <= now && !p.ExpiryApplied)
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        foreach (var purchase in ended)
        {
            var expiresAt = purchase.ExpiresAt!.Value;
            var lowered = new List<string>();
            if (catalog.FindLicense(purchase.Pid) is { } sku)
            {
                foreach (var grant in sku.Grants)
                {
                    var count = purchase.Quantity * grant.Count;
                    var balance = await EntitlementUsage.GetBalanceAsync(db, purchase.VirtualAccountId, grant.Entitlement.Tag, cancellationToken);
                    balance.Purchased = Math.Max(0, balance.Purchased - count);
                    balance.Version = Guid.NewGuid();
                    lowered.Add(string.Create(CultureInfo.InvariantCulture, $"{grant.Entitlement.ShortTag} by {count}"));
                }
            }

            purchase.ExpiryApplied = true;
            var account = names.GetValueOrDefault(purchase.VirtualAccountId, string.Empty);
            var what = Describe(purchase);
            var change = lowered.Count == 0 ? "no catalog entitlements to lower" : "purchased " + string.Join(", ", lowered) + " lower";
            EventLog.Add(db, now, purchase.VirtualAccountId, EventLog.SystemActor, EventCategories.License,
                $"Term license {what} expired at {Time(expiresAt)}; {change}.");
            await alerts.ClearAsync(AlertKinds.LicensesExpiring, PurchaseKey(purchase) + "/", now, cancellationToken);
            alerts.Raise(new AlertCondition(
                AlertKinds.LicensesExpired,
                PurchaseKey(purchase),
                purchase.VirtualAccountId,
                AlertSeverity.Major,
                $"{what} in virtual account '{account}' expired on {Time(expiresAt)}. Devices that use them become out of compliance at their next renewal; renew the term or buy perpetual licenses.",
                $"Virtual account '{account}'",
                expiresAt), now);
            ComplianceLog.LicenseExpired(logger, purchase.Pid, purchase.Quantity, purchase.Id, expiresAt);
        }

        return ended.Count;
    }

    private async Task<int> RemoveQuietInstancesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - CompliancePeriods.MaxRenewalPeriod;
        var quiet = await db.ProductInstances
            .Include(p => p.Entitlements)
            .Where(p => !p.Reserved && p.LastContactAt <= cutoff)
            .ToListAsync(cancellationToken);
        foreach (var instance in quiet)
        {
            await EntitlementUsage.ReleaseAllAsync(db, instance, cancellationToken);
            db.ProductInstances.Remove(instance);
            var days = (int)(now - instance.LastContactAt).TotalDays;
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{instance.Udi} did not contact the license server for {days} days (last contact {Time(instance.LastContactAt)}) and was removed; its licenses are free. The device must register again with a new token.");
            EventLog.Add(db, now, instance.VirtualAccountId, EventLog.SystemActor, EventCategories.Device, $"Product instance removed: {message}");
            alerts.Raise(new AlertCondition(
                AlertKinds.FailedToRenewAndRemoved,
                string.Create(CultureInfo.InvariantCulture, $"device/{instance.Udi}/{now.UtcTicks}"),
                instance.VirtualAccountId,
                AlertSeverity.Major,
                message,
                $"Product instance {instance.Udi}",
                now), now);
            ComplianceLog.QuietInstanceRemoved(logger, instance.Udi, instance.LastContactAt);
        }

        return quiet.Count;
    }

    private async Task<IEnumerable<AlertCondition>> InsufficientLicensesAsync(Dictionary<int, string> names, CancellationToken cancellationToken)
    {
        // Balances already changed in this unit of work (expiries) count with their new values.
        var stored = await db.EntitlementBalances.AsNoTracking().Where(b => b.InUse > b.Purchased).ToListAsync(cancellationToken);
        var changed = db.ChangeTracker.Entries<EntitlementBalance>().Select(e => e.Entity).ToList();
        var current = stored
            .Where(s => !changed.Any(c => c.VirtualAccountId == s.VirtualAccountId && c.Tag == s.Tag))
            .Concat(changed.Where(c => c.InUse > c.Purchased));

        return current.Select(b =>
        {
            var entitlement = catalog.FindByTag(b.Tag);
            var shortTag = entitlement?.ShortTag ?? b.Tag;
            var account = names.GetValueOrDefault(b.VirtualAccountId, string.Empty);
            var missing = b.InUse - b.Purchased;
            return new AlertCondition(
                AlertKinds.InsufficientLicenses,
                string.Create(CultureInfo.InvariantCulture, $"{b.VirtualAccountId}/{b.Tag}"),
                b.VirtualAccountId,
                AlertSeverity.Major,
                string.Create(CultureInfo.InvariantCulture,
                    $"{shortTag}: {b.InUse} in use, {b.Purchased} purchased, balance {b.Purchased - b.InUse} in virtual account '{account}'. Add {missing} license(s) or free that many."),
                $"Virtual account '{account}'",
                timeProvider.GetUtcNow());
        }).ToList();
    }

    private async Task<IEnumerable<AlertCondition>> FailedToConnectAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - CompliancePeriods.FailedToConnectAfter;
        var removalCutoff = now - CompliancePeriods.MaxRenewalPeriod;
        var quiet = await db.ProductInstances.AsNoTracking()
            .Where(p => !p.Reserved && p.LastContactAt <= cutoff && p.LastContactAt > removalCutoff)
            .Select(p => new { p.Udi, p.VirtualAccountId, p.LastContactAt })
            .ToListAsync(cancellationToken);

        return quiet.Select(p =>
        {
            var removal = p.LastContactAt + CompliancePeriods.MaxRenewalPeriod;
            return new AlertCondition(
                AlertKinds.FailedToConnect,
                "device/" + p.Udi,
                p.VirtualAccountId,
                AlertSeverity.Minor,
                string.Create(CultureInfo.InvariantCulture,
                    $"{p.Udi} has not contacted the license server since {Time(p.LastContactAt)} ({(int)(now - p.LastContactAt).TotalDays} days). Check its network path to the server; it is removed on {Time(removal)} unless it connects."),
                $"Product instance {p.Udi}",
                removal);
        }).ToList();
    }

    private async Task<IEnumerable<AlertCondition>> LicensesExpiringAsync(DateTimeOffset now, Dictionary<int, string> names, CancellationToken cancellationToken)
    {
        var horizon = now + TimeSpan.FromDays(CompliancePeriods.ExpiringWarningDays[0]);
        var ending = await db.LicensePurchases.AsNoTracking()
            .Where(p => p.ExpiresAt != null && p.ExpiresAt > now && p.ExpiresAt <= horizon && !p.ExpiryApplied)
            .ToListAsync(cancellationToken);

        var conditions = new List<AlertCondition>();
        foreach (var purchase in ending)
        {
            var expiresAt = purchase.ExpiresAt!.Value;
            if (CompliancePeriods.ExpiringThreshold(expiresAt - now) is not { } threshold)
            {
                continue;
            }

            var account = names.GetValueOrDefault(purchase.VirtualAccountId, string.Empty);
            conditions.Add(new AlertCondition(
                AlertKinds.LicensesExpiring,
                string.Create(CultureInfo.InvariantCulture, $"{PurchaseKey(purchase)}/{threshold}"),
                purchase.VirtualAccountId,
                threshold <= 7 ? AlertSeverity.Major : AlertSeverity.Minor,
                string.Create(CultureInfo.InvariantCulture,
                    $"{Describe(purchase)} in virtual account '{account}' expire on {Time(expiresAt)}, within {threshold} day{(threshold == 1 ? "" : "s")}. Renew the term before then."),
                $"Virtual account '{account}'",
                expiresAt));
        }

        return conditions;
    }

    private async Task ClearRemovedAlertsOfReturnedInstancesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var removedAlerts = await db.Alerts
            .Where(a => a.ClearedAt == null && a.Kind == AlertKinds.FailedToRenewAndRemoved)
            .ToListAsync(cancellationToken);
        foreach (var alert in removedAlerts)
        {
            var udi = alert.Key["device/".Length..alert.Key.LastIndexOf('/')];
            if (await db.ProductInstances.AnyAsync(p => p.Udi == udi, cancellationToken))
            {
                alert.ClearedAt = now;
            }
        }
    }

    private static string PurchaseKey(LicensePurchase purchase) =>
        string.Create(CultureInfo.InvariantCulture, $"purchase/{purchase.Id}");

    private static string Describe(LicensePurchase purchase)
    {
        var order = purchase.OrderReference is null ? string.Empty : $" (order '{purchase.OrderReference}')";
        return string.Create(CultureInfo.InvariantCulture, $"{purchase.Quantity} x {purchase.Pid}{order}");
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
