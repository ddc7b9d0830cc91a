using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Identity;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Reservation;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Reservations;

/// <summary>
/// Permanent license reservation in the Authority: the account approval, reserving a license for
/// a request code (which issues the signed authorization code) and taking it back with the
/// device's return code.
/// </summary>
public sealed class ReservationService(
    LicensingDbContext db,
    ProductCatalog catalog,
    ServerCredentials credentials,
    TimeProvider timeProvider,
    ILogger<ReservationService> logger)
{
    // A device authorization can change the same balance row between our read and our write.
    private const int ConcurrencyAttempts = 3;

    public async Task<AccountView> SetReservationEnabledAsync(UpdateAccountRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var account = await db.SmartAccounts.SingleAsync(cancellationToken);
        if (request.ReservationEnabled is { } enabled && enabled != account.ReservationEnabled)
        {
            account.ReservationEnabled = enabled;
            EventLog.Add(db, timeProvider.GetUtcNow(), null, actor, EventCategories.Account,
                $"Permanent license reservation {(enabled ? "enabled" : "disabled")} for smart account '{account.Name}'.");
            await db.SaveChangesAsync(cancellationToken);
        }

        var defaultName = await db.VirtualAccounts.AsNoTracking()
            .Where(v => v.Id == account.DefaultVirtualAccountId)
            .Select(v => v.Name)
            .FirstOrDefaultAsync(cancellationToken);
        return new AccountView(account.Name, account.ExportControlledQualified, account.ReservationEnabled, defaultName);
    }

    /// <summary>
    /// Reserves one reservation license for the request and returns the authorization code. The
    /// same request entered again returns the same code and takes no second license.
    /// </summary>
    public async Task<Result<ReservationView>> ReserveAsync(ReserveRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReserveOnceAsync(request, actor, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Checks the device's return code, gives the license back to the pool and removes the product instance.</summary>
    public async Task<Result<ReservationReturnView>> ReturnAsync(string idOrUdi, string? returnCodeText, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idOrUdi);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReturnOnceAsync(idOrUdi, returnCodeText, actor, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Result<ReservationView>> ReserveOnceAsync(ReserveRequest request, string actor, CancellationToken cancellationToken)
    {
        if (!ReservationRequestCode.TryParse(request.RequestCode, out var code, out var codeError))
        {
            return new ReservationCodeUnreadable(codeError);
        }

        var account = await db.SmartAccounts.AsNoTracking().SingleAsync(cancellationToken);
        if (!account.ReservationEnabled)
        {
            return new ReservationNotEnabled();
        }

        var udi = code.Udi.ToString();
        var reservable = FindReservable(code);
        if (reservable is null)
        {
            return new ReservationEntitlementUnknown(udi);
        }

        var (entitlement, sku) = reservable.Value;
        var existing = await db.Reservations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.RequestPublicKey == code.PublicKey, cancellationToken);
        if (existing is not null)
        {
            if (existing.ReturnedAt is not null)
            {
                return new ReservationRequestReturned(udi);
            }

            var existingAccount = await db.VirtualAccounts.Where(v => v.Id == existing.VirtualAccountId).Select(v => v.Name).SingleAsync(cancellationToken);
            return ToView(existing, existingAccount, sku, entitlement, alreadyReserved: true);
        }

        var held = await db.Reservations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Udi == udi && r.ReturnedAt == null, cancellationToken);
        if (held is not null)
        {
            return new ReservationHeldByDevice(udi, held.ReservedAt);
        }

        if (await db.ProductInstances.AnyAsync(p => p.Udi == udi, cancellationToken))
        {
            return new ReservationDeviceRegistered(udi);
        }

        var virtualAccount = request.VirtualAccount is { } name
            ? await VirtualAccountLookup.FindAsync(db, name, cancellationToken)
            : await db.VirtualAccounts.SingleAsync(v => v.Id == account.DefaultVirtualAccountId, cancellationToken);
        if (!virtualAccount.IsSuccess)
        {
            return virtualAccount.Error;
        }

        var balance = await EntitlementUsage.GetBalanceAsync(db, virtualAccount.Value.Id, entitlement.Tag, cancellationToken);
        if (balance.Balance < 1)
        {
            return new ReservationInsufficientSurplus(entitlement.DisplayName);
        }

        var now = timeProvider.GetUtcNow();
        var authorization = ReservationAuthorizationCode.Create(code, entitlement.Tag, account.ExportControlledQualified, credentials.SignReservation);
        var reservation = new Reservation
        {
            Id = Guid.NewGuid(),
            VirtualAccountId = virtualAccount.Value.Id,
            Udi = udi,
            RequestPublicKey = code.PublicKey,
            EntitlementTag = entitlement.Tag,
            AuthorizationCode = authorization.Format(),
            ConfirmationCode = authorization.Confirmation.Text,
            ReservedAt = now,
            Version = Guid.NewGuid(),
        };
        db.Reservations.Add(reservation);

        // A reserved device has no ID certificate, but the serial column needs a unique value.
        // This one can never match a certificate serial, because those are hex digits only.
        db.ProductInstances.Add(new ProductInstance
        {
            Id = Guid.NewGuid(),
            VirtualAccountId = virtualAccount.Value.Id,
            Udi = udi,
            ProductId = code.Udi.ProductId,
            SerialNumber = code.Udi.SerialNumber,
            ProductName = code.Udi.ProductId,
            PublicKey = code.PublicKey,
            CertificateSerial = $"RESERVED-{reservation.Id:N}",
            RegisteredAt = now,
            LastContactAt = now,
            ExportControlledAllowed = account.ExportControlledQualified,
            Reserved = true,
            Entitlements = [new ProductInstanceEntitlement { Tag = entitlement.Tag, Count = 1, Status = EntitlementStatus.Authorized }],
            Version = Guid.NewGuid(),
        });
        balance.InUse += 1;
        balance.Version = Guid.NewGuid();

        EventLog.Add(db, now, virtualAccount.Value.Id, actor, EventCategories.Device,
            $"Reserved 1 x {entitlement.ShortTag} ({sku.Pid}) for product instance {udi}; confirmation code {reservation.ConfirmationCode}.");
        await db.SaveChangesAsync(cancellationToken);
        ReservationLog.Reserved(logger, udi, entitlement.ShortTag, virtualAccount.Value.Name);
        return ToView(reservation, virtualAccount.Value.Name, sku, entitlement, alreadyReserved: false);
    }

    private async Task<Result<ReservationReturnView>> ReturnOnceAsync(string idOrUdi, string? returnCodeText, string actor, CancellationToken cancellationToken)
    {
        var key = idOrUdi.Trim();
        var instance = Guid.TryParse(key, out var id)
            ? await db.ProductInstances.Include(p => p.Entitlements).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : await db.ProductInstances.Include(p => p.Entitlements).FirstOrDefaultAsync(p => p.Udi == key, cancellationToken);

        if (!ReservationReturnCode.TryParse(returnCodeText, out var returnCode, out var codeError))
        {
            return instance is null ? new ProductInstanceNotFound(idOrUdi) : new ReservationCodeUnreadable(codeError);
        }

        if (instance is null)
        {
            var formatted = returnCode.Format();
            var used = await db.Reservations.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Udi == key && r.ReturnCode == formatted, cancellationToken);
            return used?.ReturnedAt is { } returnedAt ? new ReturnCodeAlreadyUsed(used.Udi, returnedAt) : new ProductInstanceNotFound(idOrUdi);
        }

        if (!instance.Reserved)
        {
            return new ProductInstanceNotReserved(instance.Udi);
        }

        var reservation = await db.Reservations
            .FirstOrDefaultAsync(r => r.Udi == instance.Udi && r.ReturnedAt == null, cancellationToken);
        if (reservation is null
            || !ReservationAuthorizationCode.TryParse(reservation.AuthorizationCode, out var authorization, out _))
        {
            return new ProductInstanceNotReserved(instance.Udi);
        }

        var request = new ReservationRequestCode(
            Udi.Parse(reservation.Udi),
            reservation.RequestPublicKey,
            ReservationRequestCode.DigestOf(reservation.EntitlementTag));
        if (!returnCode.IsFor(request))
        {
            return new ReturnCodeRejected($"it was made for another reservation request (another device, or an earlier reservation of {instance.Udi}).");
        }

        if (!returnCode.Verify(request, reservation.EntitlementTag, authorization))
        {
            return new ReturnCodeRejected($"its signature does not verify with the key {instance.Udi} made for its request, so the device did not make it.");
        }

        var now = timeProvider.GetUtcNow();
        await EntitlementUsage.ReleaseAllAsync(db, instance, cancellationToken);
        db.ProductInstances.Remove(instance);
        reservation.ReturnedAt = now;
        reservation.ReturnCode = returnCode.Format();
        reservation.Version = Guid.NewGuid();

        var shortTag = catalog.FindByTag(reservation.EntitlementTag)?.ShortTag ?? reservation.EntitlementTag;
        EventLog.Add(db, now, instance.VirtualAccountId, actor, EventCategories.Device,
            $"Reserved license {shortTag} of product instance {instance.Udi} returned with its return code; product instance removed.");
        await db.SaveChangesAsync(cancellationToken);

        var accountName = await db.VirtualAccounts.Where(v => v.Id == instance.VirtualAccountId).Select(v => v.Name).SingleAsync(cancellationToken);
        ReservationLog.Returned(logger, instance.Udi, shortTag, accountName);
        return new ReservationReturnView(instance.Udi, accountName, shortTag, now);
    }

    /// <summary>Finds the reservation entitlement of the request and the first reservation PID that grants it.</summary>
    private (Entitlement Entitlement, LicenseSku Sku)? FindReservable(ReservationRequestCode code)
    {
        foreach (var sku in catalog.Licenses.Where(l => l.Kind == LicenseKind.Reservation))
        {
            foreach (var grant in sku.Grants)
            {
                if (code.Requests(grant.Entitlement.Tag))
                {
                    return (grant.Entitlement, sku);
                }
            }
        }

        return null;
    }

    private static ReservationView ToView(Reservation reservation, string virtualAccount, LicenseSku sku, Entitlement entitlement, bool alreadyReserved) => new(
        reservation.Udi,
        virtualAccount,
        sku.Pid,
        entitlement.ShortTag,
        entitlement.DisplayName,
        reservation.AuthorizationCode,
        reservation.ConfirmationCode,
        ReservationAuthorizationCode.TryParse(reservation.AuthorizationCode, out var code, out _) && code.ExportAllowed,
        reservation.ReservedAt,
        alreadyReserved);
}
