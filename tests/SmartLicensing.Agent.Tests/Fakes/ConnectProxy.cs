using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartLicensing.Agent.Tests.Fakes;

/// <summary>
/// A minimal HTTP CONNECT proxy on 127.0.0.1 that counts tunnels. It tunnels only to loopback
/// targets and rejects everything else with 403.
/// </summary>
internal sealed class ConnectProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _tunnels;

    public ConnectProxy()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _acceptLoop = AcceptAsync();
    }

    public Uri Url { get; }

    public int Tunnels => Volatile.Read(ref _tunnels);

    /// <summary>Request lines received, for example <c>CONNECT 127.0.0.1:5001 HTTP/1.1</c>.</summary>
    public List<string> RequestLines { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = TunnelAsync(client);
        }
    }

    private async Task TunnelAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await ServeAsync(client.GetStream());
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // The agent or the target closed the connection; the tunnel is over.
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        var head = await ReadHeadAsync(stream);
        var requestLine = head.Split("\r\n")[0];
        lock (RequestLines)
        {
            RequestLines.Add(requestLine);
        }

        var parts = requestLine.Split(' ');
        if (parts is not ["CONNECT", var target, _] || !IPEndPoint.TryParse(target, out var endpoint) || !IPAddress.IsLoopback(endpoint.Address))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"));
            return;
        }

        Interlocked.Increment(ref _tunnels);
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(endpoint, _stop.Token);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection Established\r\n\r\n"));
        var upstreamStream = upstream.GetStream();
        await Task.WhenAny(stream.CopyToAsync(upstreamStream, _stop.Token), upstreamStream.CopyToAsync(stream, _stop.Token));
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var oneByte = new byte[1];
        while (bytes.Count < 8192 && await stream.ReadAsync(oneByte) == 1)
        {
            bytes.Add(oneByte[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(bytes.ToArray());
    }
}
