using SmartLicensing.Protocol;
using SmartLicensing.Server.Tokens;

namespace SmartLicensing.Server.Registration;

/// <summary>A registration token that may be used, or the reason it may not. <see cref="Record"/> is set whenever the token was found.</summary>
internal sealed record TokenCheck(RegistrationTokenRecord? Record, FailureReason? Failure)
{
    public static TokenCheck Valid(RegistrationTokenRecord record) => new(record, null);

    public static TokenCheck Invalid(FailureReason reason, RegistrationTokenRecord? record = null) => new(record, reason);
}
