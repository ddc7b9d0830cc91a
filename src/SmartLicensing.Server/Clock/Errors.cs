using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Clock;

public sealed record LabClockDisabled() : Error(ErrorKind.Conflict, "lab-clock-disabled",
    "This server runs on the system clock, so its time cannot be shown as a lab clock or moved. Start it with 'smartlic authority --lab-clock' to use a lab clock.");

public sealed record ClockTimeInvalid(string? Text) : Error(ErrorKind.Invalid, "lab-clock-time-invalid",
    $"'{Text}' is not a time. Give an ISO 8601 time such as 2027-03-01T08:00:00Z, or yyyy-MM-dd[THH:mm[:ss]] in UTC.");

public sealed record ClockDurationInvalid(string? Text, string Reason) : Error(ErrorKind.Invalid, "lab-clock-duration-invalid",
    $"Duration '{Text}' is not valid: {Reason} Format: {ClockText.DurationFormat}.");

public sealed record ClockDurationMissing() : Error(ErrorKind.Invalid, "lab-clock-duration-invalid",
    $"The duration is missing. Give how far to move the clock forward: {ClockText.DurationFormat}.");

public sealed record ClockBackwards(DateTimeOffset Target, DateTimeOffset Now) : Error(ErrorKind.Conflict, "lab-clock-backwards",
    $"{ClockText.Time(Target)} is before the server's current time {ClockText.Time(Now)}; the lab clock only moves forward, because issued certificates, authorizations and the event log would otherwise lie in the future. Give a later time, or start over with a new data folder.");

public sealed record ClockOutOfRange(DateTimeOffset Target, DateTimeOffset Now) : Error(ErrorKind.Invalid, "lab-clock-out-of-range",
    $"{ClockText.Time(Target)} is more than {LabClock.MaxMove.Days} days after the system time or after the server's current time {ClockText.Time(Now)}. Move the clock by less.");
