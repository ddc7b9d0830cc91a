using System.Globalization;
using System.Security.Authentication;

namespace SmartLicensing.Cli.Api;

/// <summary>
/// The server's TLS certificate chains to a trusted CA but is outside its validity period at the
/// time this computer's clock gives, so the connection was refused for that reason alone.
/// </summary>
internal sealed class ServerCertificateTimeException : AuthenticationException
{
    public ServerCertificateTimeException()
    {
    }

    public ServerCertificateTimeException(string message)
        : base(message)
    {
    }

    public ServerCertificateTimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ServerCertificateTimeException(DateTime notBefore, DateTime notAfter, DateTime checkedAt)
        : base(Describe(notBefore, notAfter, checkedAt))
    {
        NotBefore = notBefore;
        NotAfter = notAfter;
        CheckedAt = checkedAt;
    }

    public DateTime NotBefore { get; }

    public DateTime NotAfter { get; }

    public DateTime CheckedAt { get; }

    /// <summary>Whether the certificate is not valid yet, as opposed to expired.</summary>
    public bool NotYetValid => CheckedAt < NotBefore;

    /// <summary>The reason for a sentence about the certificate: "is not valid until ..." or "expired on ...".</summary>
    public string Reason => NotYetValid
        ? $"is not valid until {Time(NotBefore)}"
        : $"expired on {Time(NotAfter)}";

    private static string Describe(DateTime notBefore, DateTime notAfter, DateTime checkedAt) =>
        checkedAt < notBefore
            ? $"The server certificate is not valid until {Time(notBefore)}."
            : $"The server certificate expired on {Time(notAfter)}.";

    private static string Time(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
