using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Reservation;
using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Reservations;

public sealed record ReservationNotEnabled() : Error(ErrorKind.Conflict, FailureReasons.ReservationNotEnabled.Code,
    "The smart account is not enabled for license reservation. Turn it on with PATCH /api/v1/account {\"reservationEnabled\": true} (smartlic account set --reservation-enabled) once the account is approved.");

public sealed record ReservationCodeUnreadable(ReservationCodeError CodeError) : Error(
    ErrorKind.Invalid,
    CodeError.Problem == ReservationCodeProblem.Typo ? FailureReasons.ReservationCodeMistyped.Code : FailureReasons.ReservationCodeInvalid.Code,
    CodeError.Message);

public sealed record ReservationEntitlementUnknown(string Udi) : Error(ErrorKind.Invalid, FailureReasons.ReservationCodeInvalid.Code,
    $"The request code of {Udi} asks for an entitlement that no reservation license in the catalog grants. Check that the device model supports permanent license reservation.");

/// <summary>The shortage message in the shape the Smart Software Manager uses.</summary>
public sealed record ReservationInsufficientSurplus(string Description) : Error(ErrorKind.Conflict, FailureReasons.ReservationInsufficientLicenses.Code,
    $"The licenses cannot be reserved because the Virtual Account does not contain a sufficient surplus of the following perpetual licenses: 1 - {Description}(perpetual).");

public sealed record ReservationHeldByDevice(string Udi, DateTimeOffset ReservedAt) : Error(ErrorKind.Conflict, "reservation-exists",
    $"Product instance {Udi} already holds a license reserved on {ReservedAt:yyyy-MM-dd HH:mm:ss} UTC for an earlier request. Install that authorization code on the device, return it with the device's return code, then reserve again.");

public sealed record ReservationRequestReturned(string Udi) : Error(ErrorKind.Conflict, "reservation-request-returned",
    $"This request code of {Udi} was reserved and its license was already returned. Make a new request on the device with 'license smart reservation request universal'.");

public sealed record ReservationDeviceRegistered(string Udi) : Error(ErrorKind.Conflict, "reservation-device-registered",
    $"Product instance {Udi} is registered with an ID certificate and uses regular licenses. Remove it (smartlic device remove) before reserving a license for it.");

public sealed record ProductInstanceNotReserved(string Udi) : Error(ErrorKind.Conflict, "product-instance-not-reserved",
    $"Product instance {Udi} holds no reserved license, so it takes no return code. Remove it without --return-code.");

/// <summary>A reserved device cannot be removed without the return code, or its license would be lost.</summary>
public sealed record ProductInstanceReserved(string Udi) : Error(ErrorKind.Conflict, "product-instance-reserved",
    $"Product instance {Udi} holds a reserved license. Run 'license smart reservation return' on the device and remove it with that return code (--return-code), so the license goes back to the pool.");

public sealed record ReturnCodeRejected(string Reason) : Error(ErrorKind.Invalid, FailureReasons.ReservationReturnCodeRejected.Code,
    $"The return code is rejected: {Reason} Enter the return code the device printed for 'license smart reservation return'.");

public sealed record ReturnCodeAlreadyUsed(string Udi, DateTimeOffset ReturnedAt) : Error(ErrorKind.Conflict, FailureReasons.ReservationReturnCodeRejected.Code,
    $"This return code was already used: the license of {Udi} was returned on {ReturnedAt:yyyy-MM-dd HH:mm:ss} UTC and the product instance removed.");
