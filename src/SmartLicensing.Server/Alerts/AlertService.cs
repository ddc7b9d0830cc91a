using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Alerts;

/// <summary>
/// Raises, clears and lists alerts. Raising adds one event log entry to the same save, and an
/// active alert is not raised again, so each alert has one event log entry.
/// </summary>
public sealed class AlertService(LicensingDbContext db)
{
    /// <summary>Event log category of alerts.</summary>
    public const string EventCategory = "alert";

    /// <summary>
    /// Makes the active alerts of <paramref name="kinds"/> match <paramref name="conditions"/>:
    /// raises an alert for each new condition, updates the text of those still present and
    /// clears those whose condition ended. Does not save.
    /// </summary>
    public async Task SyncAsync(IReadOnlyCollection<string> kinds, IReadOnlyList<AlertCondition> conditions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(conditions);

        var active = await db.Alerts
            .Where(a => a.ClearedAt == null && kinds.Contains(a.Kind))
            .ToListAsync(cancellationToken);
        var byKey = active.ToDictionary(a => (a.Kind, a.Key));

        foreach (var condition in conditions)
        {
            if (byKey.Remove((condition.Kind, condition.Key), out var existing))
            {
                existing.Message = condition.Message;
                existing.Severity = condition.Severity;
                existing.ActionDue = condition.ActionDue;
                continue;
            }

            Raise(condition, now);
        }

        foreach (var ended in byKey.Values)
        {
            ended.ClearedAt = now;
        }
    }

    /// <summary>Adds a new active alert and its event log entry. Does not save.</summary>
    public void Raise(AlertCondition condition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(condition);

        db.Alerts.Add(new AlertRecord
        {
            Kind = condition.Kind,
            Key = condition.Key,
            VirtualAccountId = condition.VirtualAccountId,
            Severity = condition.Severity,
            Message = condition.Message,
            Source = condition.Source,
            RaisedAt = now,
            ActionDue = condition.ActionDue,
        });
        EventLog.Add(db, now, condition.VirtualAccountId, EventLog.SystemActor, EventCategory,
            $"{condition.Severity} alert '{condition.Kind}': {condition.Message}");
    }

    /// <summary>Clears the active alerts of one kind whose key starts with <paramref name="keyPrefix"/>. Does not save.</summary>
    public async Task ClearAsync(string kind, string keyPrefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var matching = await db.Alerts
            .Where(a => a.ClearedAt == null && a.Kind == kind && a.Key.StartsWith(keyPrefix))
            .ToListAsync(cancellationToken);
        foreach (var alert in matching)
        {
            alert.ClearedAt = now;
        }
    }

    /// <summary>Lists alerts, most severe first, then by action due; active only unless <paramref name="includeCleared"/>.</summary>
    public async Task<Result<IReadOnlyList<AlertView>>> ListAsync(string? virtualAccountName, bool includeCleared, CancellationToken cancellationToken)
    {
        var query = db.Alerts.AsNoTracking();
        if (!includeCleared)
        {
            query = query.Where(a => a.ClearedAt == null);
        }

        if (virtualAccountName is not null)
        {
            var found = await VirtualAccountLookup.FindAsync(db, virtualAccountName, cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var id = found.Value.Id;
            query = query.Where(a => a.VirtualAccountId == id);
        }

        var names = await VirtualAccountLookup.NamesAsync(db, cancellationToken);
        var alerts = await query.ToListAsync(cancellationToken);
        return alerts
            .OrderBy(a => a.ClearedAt is null ? 0 : 1)
            .ThenBy(a => a.Severity)
            .ThenBy(a => a.ActionDue)
            .ThenBy(a => a.Id)
            .Select(a => new AlertView(
                a.Id,
                a.Severity,
                a.Kind,
                a.Message,
                a.Source,
                a.VirtualAccountId is { } va ? names.GetValueOrDefault(va, string.Empty) : string.Empty,
                a.RaisedAt,
                a.ActionDue,
                a.ClearedAt))
            .ToList();
    }
}
