using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Events;

/// <summary>Reads the event log, newest first.</summary>
public sealed class EventService(LicensingDbContext db)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    public async Task<Result<IReadOnlyList<EventView>>> ListAsync(string? virtualAccountName, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            return new EventLimitInvalid(take);
        }

        var query = db.Events.AsNoTracking();
        if (virtualAccountName is not null)
        {
            var found = await VirtualAccountLookup.FindAsync(db, virtualAccountName, cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var id = found.Value.Id;
            query = query.Where(e => e.VirtualAccountId == id);
        }

        var names = await VirtualAccountLookup.NamesAsync(db, cancellationToken);
        var events = await query.OrderByDescending(e => e.Time).ThenByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
        return events
            .Select(e => new EventView(
                e.Time,
                e.VirtualAccountId is { } id ? names.GetValueOrDefault(id) : null,
                e.Actor,
                e.Category,
                e.Message))
            .ToList();
    }
}
