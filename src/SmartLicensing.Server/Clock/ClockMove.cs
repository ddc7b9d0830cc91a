using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Clock;

/// <summary>Outcome of a lab clock move: the times before and after, or why it was refused.</summary>
public sealed record ClockMove(DateTimeOffset Before, DateTimeOffset After, Error? Error)
{
    public static ClockMove Moved(DateTimeOffset before, DateTimeOffset after) => new(before, after, null);

    public static ClockMove Refused(Error error) => new(default, default, error);
}
