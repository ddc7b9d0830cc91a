using Microsoft.EntityFrameworkCore;
using SmartLicensing.Catalog;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Devices;

/// <summary>Lists, shows and removes product instances for administrators; devices use the device endpoint.</summary>
public sealed class ProductInstanceService(LicensingDbContext db, ProductCatalog catalog, TimeProvider timeProvider)
{
    // A device authorization can change the same balance rows between our read and our write.
    private const int ConcurrencyAttempts = 3;

    public async Task<Result<IReadOnlyList<ProductInstanceView>>> ListAsync(string? virtualAccountName, CancellationToken cancellationToken)
    {
        var query = db.ProductInstances.AsNoTracking().Include(p => p.Entitlements).AsQueryable();
        if (virtualAccountName is not null)
        {
            var found = await VirtualAccountLookup.FindAsync(db, virtualAccountName, cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var id = found.Value.Id;
            query = query.Where(p => p.VirtualAccountId == id);
        }

        var names = await VirtualAccountLookup.NamesAsync(db, cancellationToken);
        var instances = await query.OrderBy(p => p.Udi).ToListAsync(cancellationToken);
        return instances.Select(p => ToView(p, names.GetValueOrDefault(p.VirtualAccountId, string.Empty))).ToList();
    }

    public async Task<Result<ProductInstanceView>> GetAsync(string idOrUdi, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(idOrUdi, tracked: false, cancellationToken);
        if (instance is null)
        {
            return new ProductInstanceNotFound(idOrUdi);
        }

        var name = await db.VirtualAccounts.Where(v => v.Id == instance.VirtualAccountId).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken);
        return ToView(instance, name ?? string.Empty);
    }

    /// <summary>
    /// Removes a product instance and frees the licenses it used. The device learns that it is
    /// no longer registered at its next contact, because its certificate serial is then unknown.
    /// </summary>
    public async Task<Result<ProductInstanceView>> RemoveAsync(string idOrUdi, string actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RemoveOnceAsync(idOrUdi, actor, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Result<ProductInstanceView>> RemoveOnceAsync(string idOrUdi, string actor, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(idOrUdi, tracked: true, cancellationToken);
        if (instance is null)
        {
            return new ProductInstanceNotFound(idOrUdi);
        }

        if (instance.Reserved)
        {
            return new Reservations.ProductInstanceReserved(instance.Udi);
        }

        var name = await db.VirtualAccounts.Where(v => v.Id == instance.VirtualAccountId).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken);
        var view = ToView(instance, name ?? string.Empty);

        // The same release the device endpoint uses on deregistration, so both keep InUse alike.
        await EntitlementUsage.ReleaseAllAsync(db, instance, cancellationToken);
        db.ProductInstances.Remove(instance);
        var freed = instance.Entitlements.Count == 0
            ? "no licenses in use"
            : string.Join(", ", instance.Entitlements.Select(e => $"{e.Count} x {ShortTag(e.Tag)}"));
        EventLog.Add(db, timeProvider.GetUtcNow(), instance.VirtualAccountId, actor, EventCategories.Device,
            $"Product instance '{instance.Udi}' removed; freed {freed}.");
        await db.SaveChangesAsync(cancellationToken);
        return view;
    }

    private async Task<ProductInstance?> FindAsync(string idOrUdi, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.ProductInstances.Include(p => p.Entitlements).AsQueryable();
        if (!tracked)
        {
            query = query.AsNoTracking();
        }

        if (Guid.TryParse(idOrUdi, out var id))
        {
            return await query.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        }

        return await query.FirstOrDefaultAsync(p => p.Udi == idOrUdi.Trim(), cancellationToken);
    }

    private string ShortTag(string tag) => catalog.FindByTag(tag)?.ShortTag ?? tag;

    private ProductInstanceView ToView(ProductInstance instance, string virtualAccount) => new(
        instance.Id,
        instance.Udi,
        instance.ProductName,
        virtualAccount,
        instance.RegisteredAt,
        instance.LastContactAt,
        instance.ExportControlledAllowed,
        instance.Entitlements
            .OrderBy(e => e.Tag, StringComparer.Ordinal)
            .Select(e =>
            {
                var entitlement = catalog.FindByTag(e.Tag);
                return new ProductInstanceEntitlementView(e.Tag, entitlement?.ShortTag ?? e.Tag, entitlement?.DisplayName ?? e.Tag, e.Count, e.Status);
            })
            .ToList(),
        instance.Reserved);
}
