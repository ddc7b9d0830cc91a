using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Events;

public sealed record EventLimitInvalid(int Limit) : Error(ErrorKind.Invalid, "event-limit-invalid",
    $"limit is {Limit}; it must be from 1 to {EventService.MaxLimit}. Choose a value in that range.");
