namespace SmartLicensing.Server.Hosting;

/// <summary>The server cannot start; the message is one line that names the value and the fix.</summary>
public sealed class AuthorityStartException : Exception
{
    public AuthorityStartException(string message)
        : base(message)
    {
    }

    public AuthorityStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AuthorityStartException()
    {
    }
}
