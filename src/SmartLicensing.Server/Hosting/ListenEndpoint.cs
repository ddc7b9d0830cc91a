using System.Globalization;
using System.Net;

namespace SmartLicensing.Server.Hosting;

/// <summary>The parsed listen address: an IP address and a port (0 for any free port).</summary>
public sealed record ListenEndpoint(IPAddress Address, int Port)
{
    /// <exception cref="AuthorityStartException">The text is not an https URL with an IP address or localhost.</exception>
    public static ListenEndpoint Parse(string listen)
    {
        if (!Uri.TryCreate(listen, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || uri.AbsolutePath != "/"
            || !string.IsNullOrEmpty(uri.Query))
        {
            throw Invalid(listen, "it is not an https URL without a path");
        }

        IPAddress address;
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(uri.Host, out address!))
        {
            throw Invalid(listen, $"host '{uri.Host}' is not an IP address or localhost");
        }

        return new ListenEndpoint(address, uri.Port);
    }

    /// <summary>True when the address listens on every interface (0.0.0.0 or ::).</summary>
    public bool IsAnyAddress => Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any);

    /// <summary>Returns the URL clients use for the bound port; a server on every interface is reached at 127.0.0.1.</summary>
    public string ClientUrl(int boundPort)
    {
        var host = IsAnyAddress ? IPAddress.Loopback : Address;
        var hostText = host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"https://{hostText}:{boundPort}");
    }

    private static AuthorityStartException Invalid(string listen, string reason) =>
        new($"Listen address '{listen}' is not valid: {reason}. Use https://<IP address>:<port>, for example {AuthorityOptions.DefaultListen}.");
}
