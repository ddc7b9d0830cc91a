namespace SmartLicensing.Cli.Api.Models;

/// <summary>A reserved license as POST /api/v1/reservations returns it.</summary>
internal sealed record ReservationInfo(
    string Udi,
    string? VirtualAccount,
    string? Pid,
    string? ShortTag,
    string? Name,
    string AuthorizationCode,
    string? ConfirmationCode,
    bool ExportAllowed,
    DateTimeOffset? ReservedAt,
    bool AlreadyReserved);
