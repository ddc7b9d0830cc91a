namespace SmartLicensing.Server.Reservations;

/// <summary>Body of a reservation: the device's request code and, optionally, the virtual account to reserve from (default: the default virtual account).</summary>
public sealed record ReserveRequest(string? RequestCode, string? VirtualAccount);

/// <summary>A reserved license as the Admin API returns it.</summary>
/// <remarks><c>AuthorizationCode</c>: Code to enter on the device with <c>license smart reservation install</c>.</remarks>
/// <remarks><c>ConfirmationCode</c>: Code the device prints after installing the authorization code.</remarks>
/// <remarks><c>AlreadyReserved</c>: True when this request was reserved before; no second license was taken.</remarks>
public sealed record ReservationView(
    string Udi,
    string VirtualAccount,
    string Pid,
    string ShortTag,
    string Name,
    string AuthorizationCode,
    string ConfirmationCode,
    bool ExportAllowed,
    DateTimeOffset ReservedAt,
    bool AlreadyReserved);

/// <summary>A returned reservation: the license went back to the pool.</summary>
public sealed record ReservationReturnView(string Udi, string VirtualAccount, string ShortTag, DateTimeOffset ReturnedAt);

/// <summary>Body of a return: the code the device printed for <c>license smart reservation return</c>.</summary>
public sealed record ReturnReservationRequest(string? ReturnCode);

/// <summary>Changes to the smart account; a null member is left as it is.</summary>
public sealed record UpdateAccountRequest(bool? ReservationEnabled);
