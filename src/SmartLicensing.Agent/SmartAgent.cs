using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using SmartLicensing.Agent.Exchange;
using SmartLicensing.Agent.Persistence;
using SmartLicensing.Agent.Transport;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Agent;

/// <summary>
/// The device side of Smart Licensing: registers with a token, keeps an ID certificate and an
/// authorization, renews both on schedule and persists its state. It knows nothing of any
/// product; the product tells it which entitlements it uses.
/// </summary>
/// <remarks>
/// Exchanges with the server run one at a time; a second call waits for the first. Every state
/// change is written to <see cref="SmartAgentOptions.StatePath"/> before the call returns.
/// Events are raised on the calling thread after the exchange is over, so a handler may read
/// <see cref="State"/> or start another exchange.
/// </remarks>
public sealed partial class SmartAgent : IDisposable
{
    private const int NonceBytes = 16;

    private readonly SmartAgentOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly AgentStateFile _stateFile;
    private readonly ServerCertificateValidator _certificateValidator;
    private readonly ResponseVerifier _responseVerifier;
    private readonly SemaphoreSlim _exchangeLock = new(1, 1);
    private readonly Lock _stateLock = new();
    private readonly ConcurrentQueue<AgentEvent> _pendingEvents = new();

    private StoredAgentData _data;
    private TransportSettings? _transportSettings;
    private AgentHttpTransport? _transport;
    private bool _disposed;

    /// <summary>Creates an agent and loads its state from <see cref="SmartAgentOptions.StatePath"/>.</summary>
    /// <param name="options">Identity, state file, trustpool and timeouts.</param>
    /// <param name="timeProvider">The device clock; every schedule and certificate check uses it.</param>
    public SmartAgent(SmartAgentOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options.Udi);
        ArgumentNullException.ThrowIfNull(options.TrustedRoots);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.StatePath);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RequestTimeout, TimeSpan.Zero);

        _options = options;
        _timeProvider = timeProvider;
        _stateFile = new AgentStateFile(options.StatePath);
        _certificateValidator = new ServerCertificateValidator(options.TrustedRoots, timeProvider);
        _responseVerifier = new ResponseVerifier(options.TrustedRoots, timeProvider);
        _data = _stateFile.Load(out var problem);
        StateFileProblem = problem;
    }

    /// <summary>The current state snapshot.</summary>
    public AgentState State
    {
        get
        {
            lock (_stateLock)
            {
                return _data.State;
            }
        }
    }

    /// <summary>
    /// Why the state file could not be used at start-up (it was then kept as
    /// <c>&lt;StatePath&gt;.corrupt</c> and the agent started unregistered), or null.
    /// </summary>
    public string? StateFileProblem { get; }

    /// <summary>Raised for every success, failure and state change listed in <see cref="AgentEventKind"/>.</summary>
    public event EventHandler<AgentEvent>? EventRaised;

    /// <summary>Time the next scheduled exchange or expiry check is due, or null when nothing is scheduled.</summary>
    public DateTimeOffset? NextDueTime
    {
        get
        {
            var state = State;
            if (state.Registration == RegistrationStatus.RegistrationFailed)
            {
                return state.NextRegistrationAttempt;
            }

            if (state.Registration != RegistrationStatus.Registered)
            {
                return null;
            }

            DateTimeOffset?[] candidates =
            [
                state.NextIdRenewal,
                state.NextAuthorizationAttempt,
                state.RegistrationExpires,
                HoldsAuthorization(state.Authorization) ? state.AuthorizationExpires : null,
            ];
            return candidates.Where(t => t is not null).Min();
        }
    }

    /// <summary>Sets where messages go; takes effect at the next exchange. Null means no server is configured.</summary>
    public void SetTransport(TransportSettings? settings)
    {
        if (settings is not null)
        {
            ArgumentNullException.ThrowIfNull(settings.ServerUrl);
            if (!settings.ServerUrl.IsAbsoluteUri || settings.ServerUrl.Scheme is not ("https" or "http"))
            {
                throw new ArgumentException($"The server URL '{settings.ServerUrl}' must be an absolute http or https URL.", nameof(settings));
            }
        }

        lock (_stateLock)
        {
            _transportSettings = settings;
        }
    }

    /// <summary>
    /// Sets the entitlements the device uses. When registered and the set changed, an
    /// authorization request becomes due at once. Entitlements still in the set keep the
    /// server's latest answer; an empty set while registered makes the authorization state None.
    /// </summary>
    /// <exception cref="ArgumentException">A tag is empty, listed twice, or has a negative count.</exception>
    public void SetRequestedEntitlements(IReadOnlyList<EntitlementRequest> entitlements)
    {
        ArgumentNullException.ThrowIfNull(entitlements);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entitlement in entitlements)
        {
            ArgumentNullException.ThrowIfNull(entitlement, nameof(entitlements));
            if (string.IsNullOrWhiteSpace(entitlement.Tag) || entitlement.Count < 0 || !tags.Add(entitlement.Tag))
            {
                throw new ArgumentException(
                    $"Entitlement '{entitlement.Tag}' with count {entitlement.Count} is invalid: tags must be non-empty and unique, counts 0 or more.",
                    nameof(entitlements));
            }
        }

        Update(data =>
        {
            var state = data.State;
            var merged = entitlements
                .Select(r => state.Entitlements.FirstOrDefault(e => e.Tag == r.Tag) is { } known
                    ? known with { Count = r.Count }
                    : new EntitlementState(r.Tag, r.Count, null, null, null))
                .ToImmutableArray();

            var changed = !SameRequests(state.Entitlements, merged);
            state = state with { Entitlements = merged };
            if (state.Registration == RegistrationStatus.Registered && changed)
            {
                state = state with
                {
                    NextAuthorizationAttempt = _timeProvider.GetUtcNow(),
                    Authorization = state.Authorization == AuthorizationStatus.AuthorizationExpired && merged.Length > 0
                        ? AuthorizationStatus.AuthorizationExpired
                        : Summarize(merged),
                };
            }

            return data with { State = state };
        });
    }

    /// <summary>
    /// Runs every scheduled exchange that is due now by the agent's clock. After a registration
    /// failure that may pass, that is the registration retry. When registered, it is first the
    /// expiry checks (registration, then authorization), then the ID certificate renewal, then the
    /// authorization renewal or retry.
    /// </summary>
    public async Task RunDueWorkAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _exchangeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _timeProvider.GetUtcNow();
            var state = State;
            if (state.Registration == RegistrationStatus.RegistrationFailed)
            {
                await RetryRegistrationIfDueAsync(now, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (state.Registration != RegistrationStatus.Registered)
            {
                return;
            }

            if (state.RegistrationExpires is { } registrationExpires && now >= registrationExpires)
            {
                DropRegistration(RegistrationStatus.RegistrationExpired);
                Raise(AgentEventKind.RegistrationExpired,
                    $"The ID certificate expired at {AgentText.Time(registrationExpires)}, so the product instance is no longer registered. Register it again with a registration token.");
                return;
            }

            if (HoldsAuthorization(state.Authorization) && state.AuthorizationExpires is { } authorizationExpires && now >= authorizationExpires)
            {
                Update(data => data with { State = data.State with { Authorization = AuthorizationStatus.AuthorizationExpired } });
                Raise(AgentEventKind.AuthorizationExpired,
                    $"The authorization expired at {AgentText.Time(authorizationExpires)} because the license server was not reached since {AgentText.Time(state.AuthorizedAt)}.");
            }

            if (State.NextIdRenewal is { } idRenewal && now >= idRenewal)
            {
                await RenewIdCertificateCoreAsync(cancellationToken).ConfigureAwait(false);
            }

            if (State is { Registration: RegistrationStatus.Registered, NextAuthorizationAttempt: { } authorization } && now >= authorization)
            {
                await RenewAuthorizationCoreAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _exchangeLock.Release();
            RaisePendingEvents();
        }
    }

    /// <summary>Releases the HTTP connections. The state file stays as it is.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _transport?.Dispose();
        _exchangeLock.Dispose();
    }

    private async Task<AgentResult> RunExclusiveAsync(Func<CancellationToken, Task<AgentResult>> exchange, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _exchangeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await exchange(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _exchangeLock.Release();
            RaisePendingEvents();
        }
    }

    /// <summary>Signs <paramref name="request"/>, sends it and verifies the answer.</summary>
    private async Task<ExchangeResult<TResponse>> SendAsync<TResponse>(
        DeviceRequest request, JwsHeader header, Ed25519SigningKey key, CancellationToken cancellationToken)
        where TResponse : DeviceResponse
    {
        var transport = CurrentTransport();
        if (transport is null)
        {
            return ExchangeResult<TResponse>.Failed(FailureReasons.CommunicationFailed.WithMessage(
                "Could not reach the license server: no license server URL is configured."));
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(request, ProtocolJson.Options);
        var message = CompactJws.Sign(header, payload, key);
        var answer = await transport.PostAsync(message, cancellationToken).ConfigureAwait(false);
        return _responseVerifier.Verify<TResponse>(answer, request.Nonce, transport.Settings.ServerUrl);
    }

    // Called with the exchange lock held, so no exchange uses the transport being replaced.
    private AgentHttpTransport? CurrentTransport()
    {
        TransportSettings? settings;
        lock (_stateLock)
        {
            settings = _transportSettings;
        }

        if (settings is null)
        {
            return null;
        }

        if (_transport is null || _transport.Settings != settings)
        {
            _transport?.Dispose();
            _transport = new AgentHttpTransport(settings, _options.RequestTimeout, _certificateValidator);
        }

        return _transport;
    }

    private static string NewNonce() => Base64Url.Encode(RandomNumberGenerator.GetBytes(NonceBytes));

    private StoredAgentData Current
    {
        get
        {
            lock (_stateLock)
            {
                return _data;
            }
        }
    }

    /// <summary>Applies a change to the stored data, writes it to the state file and publishes it.</summary>
    private StoredAgentData Update(Func<StoredAgentData, StoredAgentData> change)
    {
        lock (_stateLock)
        {
            var next = change(_data);
            _stateFile.Save(next);
            _data = next;
            return next;
        }
    }

    private void Raise(AgentEventKind kind, string message) =>
        _pendingEvents.Enqueue(new AgentEvent(_timeProvider.GetUtcNow(), kind, message));

    private void RaisePendingEvents()
    {
        while (_pendingEvents.TryDequeue(out var agentEvent))
        {
            EventRaised?.Invoke(this, agentEvent);
        }
    }

    private static bool HoldsAuthorization(AuthorizationStatus status) =>
        status is AuthorizationStatus.Authorized or AuthorizationStatus.OutOfCompliance;

    private static bool SameRequests(IReadOnlyList<EntitlementState> before, IReadOnlyList<EntitlementState> after) =>
        before.Count == after.Count
        && before.All(b => after.Any(a => a.Tag == b.Tag && a.Count == b.Count));

    private static AgentResult Fail(FailureReason reason) => new(false, reason.Code, reason.Message);
}
