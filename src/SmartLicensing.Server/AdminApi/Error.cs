namespace SmartLicensing.Server.AdminApi;

/// <summary>
/// An expected failure of an Admin API command: a stable <see cref="Code"/> for scripts and a
/// <see cref="Detail"/> that names the value, the reason and the fix. Each feature declares its
/// errors as small records deriving from this one.
/// </summary>
public abstract record Error(ErrorKind Kind, string Code, string Detail);

/// <summary>Class of an <see cref="Error"/>; it selects the HTTP status.</summary>
public enum ErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    Unauthorized,
    TooManyRequests,
    UnsupportedMediaType,
}
