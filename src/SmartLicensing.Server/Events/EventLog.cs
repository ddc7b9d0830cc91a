using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Events;

/// <summary>Adds event log entries to the current unit of work, so they commit with the change they describe.</summary>
public static class EventLog
{
    public const string SystemActor = "system";

    public static void Add(LicensingDbContext db, DateTimeOffset time, int? virtualAccountId, string actor, string category, string message)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Events.Add(new EventRecord
        {
            Time = time,
            VirtualAccountId = virtualAccountId,
            Actor = actor,
            Category = category,
            Message = message,
        });
    }
}
