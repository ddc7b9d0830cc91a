using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using SmartLicensing.Protocol;

namespace SmartLicensing.Agent.Transport;

/// <summary>
/// Sends compact JWS messages to the license server over one <see cref="HttpClient"/> built for
/// one <see cref="TransportSettings"/>; the agent builds a new transport when the settings change.
/// </summary>
internal sealed class AgentHttpTransport : IDisposable
{
    // A compact JWS response is at most 64 KiB, so a much larger body does not come from a license server.
    private const int MaxAnswerBytes = 256 * 1024;

    private readonly HttpClient _client;
    private readonly ServerCertificateValidator _validator;
    private readonly TimeSpan _timeout;

    public AgentHttpTransport(TransportSettings settings, TimeSpan timeout, ServerCertificateValidator validator)
    {
        Settings = settings;
        _validator = validator;
        _timeout = timeout;

        var handler = new SocketsHttpHandler
        {
            // Without a configured proxy the agent connects directly and ignores HTTP_PROXY and similar variables.
            UseProxy = settings.ProxyUrl is not null,
            Proxy = settings.ProxyUrl is null ? null : new WebProxy(settings.ProxyUrl),
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = validator.Validate },
        };

        // NOTE: the timeout runs on the real clock, not the agent's TimeProvider, because it
        // limits how long a socket waits and the agent's clock may be moved for tests or labs.
        _client = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = timeout,
            MaxResponseContentBufferSize = MaxAnswerBytes,
        };
    }

    public TransportSettings Settings { get; }

    public async Task<TransportResult> PostAsync(string compactJws, CancellationToken cancellationToken)
    {
        _validator.Reset();
        using var request = new HttpRequestMessage(HttpMethod.Post, Settings.ServerUrl)
        {
            Content = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes(compactJws)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(DevicePaths.MediaType);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DevicePaths.MediaType));

        try
        {
            using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return TransportResult.Answer(response.StatusCode, body);
        }
        catch (HttpRequestException) when (_validator.LastRejection is { } rejection)
        {
            return TransportResult.Failed(FailureReasons.ServerCertificateRejected.WithMessage(
                $"The license server's TLS certificate at {Settings.ServerUrl} was rejected: {rejection}."));
        }
        catch (HttpRequestException ex)
        {
            return TransportResult.Failed(Unreachable(Describe(ex)));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TransportResult.Failed(Unreachable(
                $"the request timed out after {_timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} seconds"));
        }
    }

    public void Dispose() => _client.Dispose();

    private FailureReason Unreachable(string detail)
    {
        var via = Settings.ProxyUrl is null ? "" : $" through proxy {Settings.ProxyUrl}";
        return FailureReasons.CommunicationFailed.WithMessage(
            $"Could not reach the license server at {Settings.ServerUrl}{via}: {detail}");
    }

    private static string Describe(HttpRequestException ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException or AuthenticationException)
            {
                return inner.Message;
            }
        }

        return ex.Message;
    }
}
