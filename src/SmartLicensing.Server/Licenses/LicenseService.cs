using Microsoft.EntityFrameworkCore;
using SmartLicensing.Catalog;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Licenses;

/// <summary>Imports license orders into a virtual account and reports purchased, in use and balance.</summary>
public sealed class LicenseService(LicensingDbContext db, ProductCatalog catalog, TimeProvider timeProvider)
{
    // A device authorization can change the same balance row between our read and our write.
    private const int ConcurrencyAttempts = 3;

    public async Task<Result<LicenseImportResult>> ImportAsync(
        string virtualAccountName,
        string? orderReference,
        IReadOnlyList<LicenseImportLine> lines,
        string actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ImportOnceAsync(virtualAccountName, orderReference, lines, actor, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<Result<IReadOnlyList<LicenseView>>> ListAsync(string? virtualAccountName, CancellationToken cancellationToken)
    {
        var balances = db.EntitlementBalances.AsNoTracking().Where(b => b.Purchased > 0 || b.InUse > 0);
        var purchases = db.LicensePurchases.AsNoTracking().Where(p => p.ExpiresAt != null);
        if (virtualAccountName is not null)
        {
            var found = await VirtualAccountLookup.FindAsync(db, virtualAccountName, cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var id = found.Value.Id;
            balances = balances.Where(b => b.VirtualAccountId == id);
            purchases = purchases.Where(p => p.VirtualAccountId == id);
        }

        var names = await VirtualAccountLookup.NamesAsync(db, cancellationToken);
        var termPurchases = await purchases.ToListAsync(cancellationToken);
        var earliestExpiry = EarliestExpiryByEntitlement(termPurchases.Where(p => !p.ExpiryApplied));
        var latestEnded = LatestEndByEntitlement(termPurchases.Where(p => p.ExpiryApplied));

        var views = new List<LicenseView>();
        foreach (var balance in await balances.ToListAsync(cancellationToken))
        {
            var entitlement = catalog.FindByTag(balance.Tag);
            var key = (balance.VirtualAccountId, balance.Tag);

            // Nothing left purchased and a term that ended: show when it ended rather than no end.
            var expired = !earliestExpiry.ContainsKey(key) && balance.Purchased == 0 && latestEnded.ContainsKey(key);
            views.Add(new LicenseView(
                names.GetValueOrDefault(balance.VirtualAccountId, string.Empty),
                balance.Tag,
                entitlement?.ShortTag ?? balance.Tag,
                entitlement?.DisplayName ?? balance.Tag,
                balance.Purchased,
                balance.InUse,
                balance.Purchased - balance.InUse,
                expired ? latestEnded[key] : earliestExpiry.TryGetValue(key, out var expires) ? expires : null,
                expired));
        }

        return views
            .OrderBy(v => v.VirtualAccount, StringComparer.OrdinalIgnoreCase)
            .ThenBy(v => v.ShortTag, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private async Task<Result<LicenseImportResult>> ImportOnceAsync(
        string virtualAccountName,
        string? orderReference,
        IReadOnlyList<LicenseImportLine> lines,
        string actor,
        CancellationToken cancellationToken)
    {
        var found = await VirtualAccountLookup.FindAsync(db, virtualAccountName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var account = found.Value;
        var now = timeProvider.GetUtcNow();
        var importId = Guid.NewGuid();
        var reference = string.IsNullOrWhiteSpace(orderReference) ? null : orderReference.Trim();

        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        var resultLines = new List<LicenseImportResultLine>(lines.Count);
        foreach (var line in lines)
        {
            // The parser already checked the PID against this catalog.
            var sku = catalog.FindLicense(line.Pid) ?? throw new InvalidOperationException($"PID '{line.Pid}' passed the import check but is not in the catalog.");
            var granted = new List<GrantedEntitlement>(sku.Grants.Count);
            foreach (var grant in sku.Grants)
            {
                var count = checked(line.Quantity * grant.Count);
                added[grant.Entitlement.Tag] = checked(added.GetValueOrDefault(grant.Entitlement.Tag) + count);
                granted.Add(new GrantedEntitlement(grant.Entitlement.Tag, grant.Entitlement.ShortTag, grant.Entitlement.DisplayName, count));
            }

            db.LicensePurchases.Add(new LicensePurchase
            {
                VirtualAccountId = account.Id,
                ImportId = importId,
                Pid = sku.Pid,
                Quantity = line.Quantity,
                ExpiresAt = line.ExpiresAt,
                OrderReference = reference,
                ImportedAt = now,
            });
            resultLines.Add(new LicenseImportResultLine(sku.Pid, line.Quantity, line.ExpiresAt, granted));
        }

        // Term licenses count as purchased until the compliance checks lower the count at their
        // ExpiresAt (within one run of the background job, or at once when the lab clock moves).
        var tags = added.Keys.ToList();
        var balances = await db.EntitlementBalances
            .Where(b => b.VirtualAccountId == account.Id && tags.Contains(b.Tag))
            .ToDictionaryAsync(b => b.Tag, StringComparer.Ordinal, cancellationToken);
        foreach (var (tag, count) in added)
        {
            if (!balances.TryGetValue(tag, out var balance))
            {
                balance = new EntitlementBalance { VirtualAccountId = account.Id, Tag = tag };
                db.EntitlementBalances.Add(balance);
            }

            balance.Purchased = checked(balance.Purchased + count);
            balance.Version = Guid.NewGuid();
        }

        var summary = string.Join(", ", resultLines.Select(l => $"{l.Quantity} x {l.Pid}"));
        var order = reference is null ? string.Empty : $" from order '{reference}'";
        EventLog.Add(db, now, account.Id, actor, EventCategories.License, $"Imported {resultLines.Count} license line(s){order}: {summary}.");
        await db.SaveChangesAsync(cancellationToken);

        return new LicenseImportResult(importId, resultLines);
    }

    private Dictionary<(int VirtualAccountId, string Tag), DateTimeOffset> LatestEndByEntitlement(IEnumerable<LicensePurchase> endedPurchases)
    {
        var latest = new Dictionary<(int, string), DateTimeOffset>();
        foreach (var purchase in endedPurchases)
        {
            var sku = catalog.FindLicense(purchase.Pid);
            if (sku is null || purchase.ExpiresAt is not { } ended)
            {
                continue;
            }

            foreach (var grant in sku.Grants)
            {
                var key = (purchase.VirtualAccountId, grant.Entitlement.Tag);
                if (!latest.TryGetValue(key, out var current) || ended > current)
                {
                    latest[key] = ended;
                }
            }
        }

        return latest;
    }

    private Dictionary<(int VirtualAccountId, string Tag), DateTimeOffset> EarliestExpiryByEntitlement(IEnumerable<LicensePurchase> termPurchases)
    {
        var earliest = new Dictionary<(int, string), DateTimeOffset>();
        foreach (var purchase in termPurchases)
        {
            var sku = catalog.FindLicense(purchase.Pid);
            if (sku is null || purchase.ExpiresAt is not { } expires)
            {
                continue;
            }

            foreach (var grant in sku.Grants)
            {
                var key = (purchase.VirtualAccountId, grant.Entitlement.Tag);
                if (!earliest.TryGetValue(key, out var current) || expires < current)
                {
                    earliest[key] = expires;
                }
            }
        }

        return earliest;
    }
}
