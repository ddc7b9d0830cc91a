namespace SmartLicensing.Cli.Api;

/// <summary>
/// Swaps the hint at the end of a server error that names an Admin API route for the
/// <c>smartlic</c> command that does the same. The server's text stays as it is for API users;
/// the CLI matches on the stable error code.
/// </summary>
internal static class CliHints
{
    private static readonly Dictionary<string, (string Start, string Hint)> HintsByCode = new(StringComparer.Ordinal)
    {
        ["virtual-account-not-found"] = (" List the ", "List the virtual accounts with 'smartlic virtual-account list' and use one of their names."),
        ["token-not-found"] = (" List the ", "List the tokens with 'smartlic token list' and use the id of one of them."),
        ["product-instance-not-found"] = (" List the ", "List the devices with 'smartlic device list' and use an id or UDI from it."),
        ["virtual-account-has-active-tokens"] = (" Revoke them ", "Revoke them first with 'smartlic token revoke ID', then delete the virtual account."),
    };

    public static string Apply(string? code, string message)
    {
        ArgumentNullException.ThrowIfNull(message);

        if (code is null || !HintsByCode.TryGetValue(code, out var entry))
        {
            return message;
        }

        var start = message.LastIndexOf(entry.Start, StringComparison.Ordinal);
        if (start < 0 || !message.AsSpan(start).Contains("/api/", StringComparison.Ordinal))
        {
            return message;
        }

        return string.Concat(message.AsSpan(0, start + 1), entry.Hint);
    }
}
