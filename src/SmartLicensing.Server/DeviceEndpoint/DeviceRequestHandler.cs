using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Identity;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;
using SmartLicensing.Server.Authorization;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Registration;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.DeviceEndpoint;

/// <summary>
/// Runs one device message through the checks every message passes (format, clock, replay,
/// signature) and dispatches it to the feature that handles it. Rejections are logged and recorded
/// in the event log. Every response, rejections included, is signed.
/// </summary>
/// <remarks>
/// An authorization from a known device takes the hot path: the instance found by certificate
/// serial, the signature checked with its key, and the change written by the group committer. So
/// does the first registration of a device with a valid token. Everything else, rejections
/// included, goes through the EF Core features, which are created only when a request needs them.
/// </remarks>
internal sealed class DeviceRequestHandler(
    IServiceScopeFactory scopes,
    TimeProvider timeProvider,
    NonceCache nonces,
    ResponseSigner signer,
    DeviceIdentityReader identities,
    HotPathAuthorizer hotPath,
    HotPathRegistrar hotRegistrar,
    ILogger<DeviceRequestHandler> logger)
{
    // A save that lost a race on a balance, token or instance row is run again from the start.
    // Every round at least one of the racing requests saves. A request that loses every round
    // gets server-unavailable, and the device sends it again later.
    private const int MaxAttempts = 6;

    private const string UnknownDevice = "unknown device";

    // "PID:" + 64 + ",SN:" + 64 characters.
    private const int MaxUdiLength = 136;

    private readonly RejectionBudget _anonymousRejections = new();

    // Rejection messages can quote what the device sent; the log and the event log keep this much.
    private const int MaxRecordedMessageLength = 400;

    // Agents written by others may put "type" anywhere in the payload, not only first.
    private static readonly JsonSerializerOptions RequestJsonOptions = new(ProtocolJson.Options) { AllowOutOfOrderMetadataProperties = true };

    public async Task<(string Jws, int StatusCode)> HandleAsync(string? body, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var nonce = "";
        var udi = UnknownDevice;
        var messageType = "unreadable";
        try
        {
            var (message, rejection) = Read(body, now);
            if (message is not null)
            {
                nonce = message.Request.Nonce;
                udi = message.UdiText;
                messageType = TypeName(message.Request);
                rejection = CheckClockAndReplay(message);
            }

            var result = rejection
                ?? await AnswerOnHotPathAsync(message!, cancellationToken)
                ?? await DispatchWithRetriesAsync(message!, cancellationToken);
            if (result.Failure is not null)
            {
                await RecordRejectionAsync(result, messageType, udi, now);
            }

            return result.Response is { } response
                ? (signer.Sign(response), result.StatusCode)
                : (SignError(nonce, now, result.Failure!), result.StatusCode);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            DeviceEndpointLog.UnexpectedFailure(logger, exception);
            return (SignError(nonce, now, FailureReasons.ServerUnavailable), StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Rejects a body longer than the device endpoint takes, naming its declared length when the request gave one.</summary>
    public async Task<(string Jws, int StatusCode)> RejectTooLongAsync(long? declaredLength)
    {
        var now = timeProvider.GetUtcNow();
        var size = declaredLength is { } length
            ? string.Create(CultureInfo.InvariantCulture, $" (Content-Length {length})")
            : "";
        var result = DeviceResult.Malformed(string.Create(CultureInfo.InvariantCulture,
            $"the message is longer than the {DeviceMessageRules.MaxBodyBytes} bytes allowed{size}"));
        await RecordRejectionAsync(result, "unreadable", UnknownDevice, now);
        return (SignError("", now, result.Failure!), result.StatusCode);
    }

    private string SignError(string nonce, DateTimeOffset now, FailureReason failure) =>
        signer.Sign(new ErrorResponse { RequestNonce = nonce, IssuedAt = now, Code = failure.Code, Message = failure.Message });

    private static (DeviceMessage? Message, DeviceResult? Rejection) Read(string? body, DateTimeOffset now)
    {
        if (!CompactJws.TryParse(body, out var jws, out var error))
        {
            return (null, DeviceResult.Malformed(error));
        }

        DeviceRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<DeviceRequest>(jws.Payload, RequestJsonOptions);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            return (null, DeviceResult.Malformed($"the payload is not a device request: {exception.Message}"));
        }

        if (request is null)
        {
            return (null, DeviceResult.Malformed("the payload is empty"));
        }

        if (string.IsNullOrEmpty(request.Nonce)
            || request.Nonce.Length > DeviceMessageRules.MaxNonceLength
            || !Base64Url.TryDecode(request.Nonce, out var nonceBytes)
            || nonceBytes.Length < DeviceMessageRules.MinNonceBytes)
        {
            return (null, DeviceResult.Malformed(
                $"the nonce must be base64url of at least {DeviceMessageRules.MinNonceBytes} random bytes and at most {DeviceMessageRules.MaxNonceLength} characters"));
        }

        if (request.Udi is { Length: > MaxUdiLength })
        {
            return (null, DeviceResult.Malformed($"the UDI is longer than {MaxUdiLength} characters"));
        }

        if (!Udi.TryParse(request.Udi, out var udi, out var udiError))
        {
            return (null, DeviceResult.Malformed(udiError ?? "the UDI is not valid"));
        }

        return (new DeviceMessage(jws, request, udi, now), null);
    }

    private DeviceResult? CheckClockAndReplay(DeviceMessage message)
    {
        var now = message.ReceivedAt;
        if ((message.Request.IssuedAt - now).Duration() > DeviceMessageRules.ClockTolerance)
        {
            return DeviceResult.Reject(FailureReasons.ClockSkew.WithMessage(ClockSkewDescription.Describe(message.Request.IssuedAt, now)));
        }

        switch (nonces.Record(message.Request.Nonce, now))
        {
            case NonceCheck.Replayed:
                return DeviceResult.Reject(FailureReasons.Replay);
            case NonceCheck.Full:
                DeviceEndpointLog.NonceCacheFull(logger, nonces.Count);
                return DeviceResult.Reject(FailureReasons.ServerUnavailable);
            default:
                return null;
        }
    }

    private async Task<DeviceResult> DispatchWithRetriesAsync(DeviceMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DispatchAsync(services, message, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another request changed a row this one read (concurrency token) or stored the
                // same UDI first (unique index). Start again from fresh rows; the second time round
                // the checks see the other request's result.
                DeviceEndpointLog.RetryingAfterConflict(logger, attempt + 1);
                services.GetRequiredService<LicensingDbContext>().ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Handles on the hot path what it can: an authorization from a known device and the first
    /// registration of a device with a valid token. Returns null to leave the message to the EF Core features.
    /// </summary>
    private async Task<DeviceResult?> AnswerOnHotPathAsync(DeviceMessage message, CancellationToken cancellationToken) => message.Request switch
    {
        AuthorizationRequest authorize => await AuthorizeOnHotPathAsync(message, authorize, cancellationToken),
        RegisterRequest register => await hotRegistrar.RegisterAsync(message, register, cancellationToken),
        _ => null,
    };

    private static async Task<DeviceResult> DispatchAsync(IServiceProvider services, DeviceMessage message, CancellationToken cancellationToken)
    {
        if (message.Request is RegisterRequest register)
        {
            return await services.GetRequiredService<DeviceRegistrar>().RegisterAsync(message, register, cancellationToken);
        }

        var (instance, rejection) = await services.GetRequiredService<DeviceAuthenticator>().AuthenticateAsync(message, cancellationToken);
        if (instance is null)
        {
            return rejection!;
        }

        return message.Request switch
        {
            AuthorizationRequest authorize => await services.GetRequiredService<DeviceAuthorizer>().AuthorizeAsync(message, instance, authorize, cancellationToken),
            IdCertificateRenewalRequest renew => await services.GetRequiredService<IdCertificateRenewer>().RenewAsync(message, instance, renew, cancellationToken),
            DeregisterRequest deregister => await services.GetRequiredService<DeviceDeregistrar>().DeregisterAsync(message, instance, deregister, cancellationToken),
            _ => DeviceResult.Malformed("the message type is not one this server answers"),
        };
    }

    /// <summary>
    /// Answers an authorization from a device whose message passes every check, or returns null
    /// and leaves the request to the general path: unknown serial, bad signature, another UDI, an
    /// expired certificate, or an instance that changed before the group commit.
    /// </summary>
    private async Task<DeviceResult?> AuthorizeOnHotPathAsync(DeviceMessage message, AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var serial = message.Jws.Header.KeyId?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(serial)
            || await identities.FindAsync(serial, cancellationToken) is not { } device
            || !message.Jws.Verify(device.PublicKey)
            || !string.Equals(device.Udi, message.UdiText, StringComparison.Ordinal)
            || message.ReceivedAt > device.CertificateNotAfter)
        {
            return null;
        }

        if (DeviceAuthorizer.FindProblem(request.Entitlements) is { } problem)
        {
            return DeviceResult.Malformed(problem);
        }

        return await hotPath.AuthorizeAsync(device, serial, request, message.ReceivedAt);
    }

    private async Task RecordRejectionAsync(DeviceResult result, string messageType, string udi, DateTimeOffset now)
    {
        var reason = result.Failure!;
        var text = reason.Message.Length > MaxRecordedMessageLength ? $"{reason.Message[..MaxRecordedMessageLength]}..." : reason.Message;
        if (result.VirtualAccountId is null)
        {
            if (_anonymousRejections.Take(now) is not { } skipped)
            {
                return;
            }

            if (skipped > 0)
            {
                text += string.Create(CultureInfo.InvariantCulture, $" ({skipped} more rejections of this kind in the minute before were not recorded)");
            }
        }

        DeviceEndpointLog.Rejected(logger, messageType, udi, reason.Code, text);
        try
        {
            // A context of its own, so nothing of the rejected request is saved with the entry.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            EventLog.Add(db, now, result.VirtualAccountId, udi == UnknownDevice ? "device" : udi, EventCategories.Device,
                $"Rejected {messageType} message from {udi}: {reason.Code}: {text}");

            // The entry is written even if the device hangs up, so hanging up cannot hide a rejection.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException exception)
        {
            DeviceEndpointLog.RejectionEventNotSaved(logger, udi, exception);
        }
    }

    /// <summary>
    /// Counts the rejections that belong to no virtual account. Anyone who reaches the port can
    /// cause those, so at most <see cref="MaxPerMinute"/> a minute go to the event log and the
    /// server log, and the next one recorded gives the number left out.
    /// </summary>
    private sealed class RejectionBudget
    {
        public const int MaxPerMinute = 30;

        private readonly Lock _lock = new();
        private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
        private int _recorded;
        private int _skipped;

        /// <summary>Returns null when this rejection is not to be recorded, else the number left out before it.</summary>
        public int? Take(DateTimeOffset now)
        {
            lock (_lock)
            {
                if (now - _windowStart >= TimeSpan.FromMinutes(1) || now < _windowStart)
                {
                    _windowStart = now;
                    _recorded = 0;
                }

                if (_recorded >= MaxPerMinute)
                {
                    _skipped++;
                    return null;
                }

                _recorded++;
                var skipped = _skipped;
                _skipped = 0;
                return skipped;
            }
        }
    }

    private static string TypeName(DeviceRequest request) => request switch
    {
        RegisterRequest => "register",
        AuthorizationRequest => "authorize",
        IdCertificateRenewalRequest => "renew-id",
        DeregisterRequest => "deregister",
        _ => "unknown",
    };
}
