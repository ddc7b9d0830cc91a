using System.Net;
using System.Net.Sockets;

namespace SmartLicensing.Server.Hosting;

/// <summary>
/// Checks before start-up whether another program already listens on the address, so that the
/// server reports it in one line and starts nothing, instead of failing halfway through the
/// host start, which the framework also logs with a stack trace.
/// </summary>
internal static class ListenProbe
{
    /// <summary>Whether the address is taken now. Port 0, and any failure other than "in use", count as free; the real bind then decides.</summary>
    public static bool IsInUse(ListenEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Port == 0)
        {
            return false;
        }

        using var socket = new Socket(endpoint.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (!OperatingSystem.IsWindows())
        {
            // Kestrel sets this on Unix too, so a port with only closed connections in TIME_WAIT counts as free.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        try
        {
            socket.Bind(new IPEndPoint(endpoint.Address, endpoint.Port));
            socket.Listen();
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
