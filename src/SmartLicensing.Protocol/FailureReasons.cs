namespace SmartLicensing.Protocol;

/// <summary>A failure with a stable code (for scripts and the API) and a message (for people).</summary>
public sealed record FailureReason(string Code, string Message)
{
    /// <summary>The same reason with a message that adds the details of one case.</summary>
    public FailureReason WithMessage(string message) => this with { Message = message };

    public override string ToString() => Message;
}

/// <summary>
/// The one catalogue of failure reasons. The device endpoint, the Admin API and the CLI use
/// these codes and default messages so that all three say the same thing.
/// </summary>
public static class FailureReasons
{
    // Registration tokens.
    public static readonly FailureReason TokenMalformed = new("token-malformed",
        "The registration token is malformed: it is not a token this license server issued. Copy the whole token again from the virtual account.");
    public static readonly FailureReason TokenUnknown = new("token-unknown",
        "The registration token is not valid on this license server. Create a token in the virtual account and use it.");
    public static readonly FailureReason TokenExpired = new("token-expired",
        "The registration token has expired. Create a new token in the virtual account.");
    public static readonly FailureReason TokenRevoked = new("token-revoked",
        "The registration token was revoked. Create a new token in the virtual account.");
    public static readonly FailureReason TokenUsedUp = new("token-used-up",
        "The registration token has reached its maximum number of uses. Create a new token in the virtual account.");

    // Registration and identity.
    public static readonly FailureReason AlreadyRegistered = new("already-registered",
        "The product instance is already registered. Register with 'force' to register it again.");
    public static readonly FailureReason NotRegistered = new("not-registered",
        "The product instance is not registered with the license server. Register it again with a registration token.");
    public static readonly FailureReason UnknownCertificate = new("unknown-certificate",
        "The ID certificate that signed the message is unknown or was replaced. Register the product instance again.");
    public static readonly FailureReason CertificateExpired = new("certificate-expired",
        "The ID certificate has expired. Register the product instance again.");
    public static readonly FailureReason UdiMismatch = new("udi-mismatch",
        "The UDI in the message is not the UDI the ID certificate was issued to.");

    // Message checks.
    public static readonly FailureReason MalformedMessage = new("malformed-message",
        "The message is not a valid signed device message.");
    public static readonly FailureReason SignatureInvalid = new("signature-invalid",
        "The signature of the message does not verify.");
    public static readonly FailureReason ClockSkew = new("clock-skew",
        "The device clock is too far from the license server's clock. Set the device clock.");
    public static readonly FailureReason Replay = new("replay",
        "The message was already received once and is rejected as a replay.");

    // Permanent license reservation.
    public static readonly FailureReason ReservationNotEnabled = new("reservation-not-enabled",
        "The smart account is not enabled for license reservation. Get approval for permanent license reservation, then turn it on for the account.");
    public static readonly FailureReason ReservationInsufficientLicenses = new("reservation-insufficient-licenses",
        "The licenses cannot be reserved because the Virtual Account does not contain a sufficient surplus of the reservation license.");
    public static readonly FailureReason ReservationCodeMistyped = new("reservation-code-mistyped",
        "The code has a typing error. Compare it with the original and enter it again.");
    public static readonly FailureReason ReservationCodeInvalid = new("reservation-code-invalid",
        "The text is not a reservation code of the expected kind. Copy the whole code again.");
    public static readonly FailureReason ReservationCodeMismatch = new("reservation-code-mismatch",
        "The Reservation Authorization Code does not match the Reservation Request Code.");
    public static readonly FailureReason ReservationSignatureInvalid = new("reservation-signature-invalid",
        "The authorization code is not signed by a license server this device trusts, or it was altered. Use the code the license server returned for this request.");
    public static readonly FailureReason ReservationReturnCodeRejected = new("reservation-return-code-rejected",
        "The return code is not valid for this product instance's reservation. Enter the return code the device printed for 'license smart reservation return'.");
    public static readonly FailureReason ReservationNotFound = new("reservation-not-found",
        "The product instance holds no reserved license.");

    // Server side.
    public static readonly FailureReason ServerUnavailable = new("server-unavailable",
        "The license server could not process the request now. Try again later.");

    // Agent side: the exchange did not reach a server answer we trust.
    public static readonly FailureReason CommunicationFailed = new("communication-failed",
        "Could not reach the license server.");
    public static readonly FailureReason ServerCertificateRejected = new("server-certificate-rejected",
        "The license server's TLS certificate is not trusted: it does not chain to a root in the trustpool or lacks the server-authentication EKU.");
    public static readonly FailureReason ResponseInvalid = new("response-invalid",
        "The license server's answer is not valid: its signature, signing certificate or nonce does not check.");

    public static IReadOnlyList<FailureReason> All { get; } =
    [
        TokenMalformed, TokenUnknown, TokenExpired, TokenRevoked, TokenUsedUp,
        AlreadyRegistered, NotRegistered, UnknownCertificate, CertificateExpired, UdiMismatch,
        MalformedMessage, SignatureInvalid, ClockSkew, Replay, ServerUnavailable,
        CommunicationFailed, ServerCertificateRejected, ResponseInvalid,
        ReservationNotEnabled, ReservationInsufficientLicenses, ReservationCodeMistyped, ReservationCodeInvalid,
        ReservationCodeMismatch, ReservationSignatureInvalid, ReservationReturnCodeRejected, ReservationNotFound,
    ];

    /// <summary>Finds a reason by code, or returns null for a code this version does not know.</summary>
    public static FailureReason? Find(string? code) => All.FirstOrDefault(r => r.Code == code);
}
