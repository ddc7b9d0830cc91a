using Microsoft.AspNetCore.Http;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Server.DeviceEndpoint;

/// <summary>
/// The outcome of a device message: a response, or a rejection with its reason and HTTP status.
/// <see cref="VirtualAccountId"/> names the account a rejection is logged in, when it is known.
/// </summary>
internal sealed record DeviceResult
{
    private DeviceResult(DeviceResponse? response, FailureReason? failure, int statusCode, int? virtualAccountId)
    {
        Response = response;
        Failure = failure;
        StatusCode = statusCode;
        VirtualAccountId = virtualAccountId;
    }

    public DeviceResponse? Response { get; }

    public FailureReason? Failure { get; }

    public int StatusCode { get; }

    public int? VirtualAccountId { get; }

    public static DeviceResult Success(DeviceResponse response) => new(response, null, StatusCodes.Status200OK, null);

    public static DeviceResult Reject(FailureReason reason, int? virtualAccountId = null) =>
        new(null, reason, StatusCodeOf(reason), virtualAccountId);

    public static DeviceResult Malformed(string detail) =>
        Reject(FailureReasons.MalformedMessage.WithMessage($"{FailureReasons.MalformedMessage.Message} {Sentence(detail)}"));

    /// <summary>HTTP status of each rejection; the code in the signed body is what a device acts on.</summary>
    public static int StatusCodeOf(FailureReason reason)
    {
        var code = reason.Code;
        if (code == FailureReasons.SignatureInvalid.Code
            || code == FailureReasons.UnknownCertificate.Code
            || code == FailureReasons.CertificateExpired.Code)
        {
            return StatusCodes.Status401Unauthorized;
        }

        if (code == FailureReasons.TokenUnknown.Code
            || code == FailureReasons.TokenExpired.Code
            || code == FailureReasons.TokenRevoked.Code
            || code == FailureReasons.TokenUsedUp.Code
            || code == FailureReasons.UdiMismatch.Code)
        {
            return StatusCodes.Status403Forbidden;
        }

        if (code == FailureReasons.NotRegistered.Code)
        {
            return StatusCodes.Status404NotFound;
        }

        if (code == FailureReasons.AlreadyRegistered.Code)
        {
            return StatusCodes.Status409Conflict;
        }

        if (code == FailureReasons.ServerUnavailable.Code)
        {
            return StatusCodes.Status503ServiceUnavailable;
        }

        return StatusCodes.Status400BadRequest;
    }

    private static string Sentence(string detail) =>
        detail.Length == 0 ? detail : $"{char.ToUpperInvariant(detail[0])}{detail[1..]}{(detail.EndsWith('.') ? "" : ".")}";
}
