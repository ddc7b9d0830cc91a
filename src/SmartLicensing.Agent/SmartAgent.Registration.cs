using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Agent.Exchange;
using SmartLicensing.Agent.Persistence;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Agent;

public sealed partial class SmartAgent
{
    /// <summary>
    /// Registers with a token, then requests authorization for the requested entitlements. The
    /// result is the registration's; an authorization failure shows in
    /// <see cref="AgentState.LastAuthorizationAttempt"/>. When the registration fails for a reason
    /// that may pass (see <see cref="IsRetriedRegistrationFailure"/>), the token is kept in the
    /// state file and <see cref="RunDueWorkAsync"/> retries at
    /// <see cref="AgentState.NextRegistrationAttempt"/>; otherwise the token is not stored.
    /// </summary>
    /// <param name="token">Registration token text from the virtual account.</param>
    /// <param name="force">Register again although the device is registered (the server also re-registers it).</param>
    /// <param name="cancellationToken">Cancels the wait and the exchange; the state then stays as it was.</param>
    public Task<AgentResult> RegisterAsync(string token, bool force, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        return RunExclusiveAsync(ct => RegisterCoreAsync(token.Trim(), force, ct), cancellationToken);
    }

    /// <summary>Renews the ID certificate now, whatever the schedule says.</summary>
    public Task<AgentResult> RenewIdCertificateAsync(CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(RenewIdCertificateCoreAsync, cancellationToken);

    /// <summary>
    /// Deregisters. The local registration, ID certificate, device key and entitlement statuses are
    /// removed even when the server cannot be reached or rejects the request; the result is the
    /// server's, so the caller can show why it failed.
    /// </summary>
    public Task<AgentResult> DeregisterAsync(CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(DeregisterCoreAsync, cancellationToken);

    private async Task<AgentResult> RegisterCoreAsync(string token, bool force, CancellationToken cancellationToken)
    {
        var before = Current.State;
        var wasRegistered = before.Registration == RegistrationStatus.Registered;
        if (wasRegistered && !force)
        {
            return Fail(FailureReasons.AlreadyRegistered);
        }

        if (token.Length == 0)
        {
            return Fail(FailureReasons.TokenMalformed);
        }

        Update(data => data with { State = data.State with { Registration = RegistrationStatus.Registering } });

        using var deviceKey = Ed25519SigningKey.Create();
        var request = new RegisterRequest
        {
            Nonce = NewNonce(),
            IssuedAt = _timeProvider.GetUtcNow(),
            Udi = _options.Udi.ToString(),
            Token = token,
            Force = force,
            ProductName = _options.ProductName,
            ProductVersion = _options.ProductVersion,
        };
        var header = new JwsHeader { Key = new JsonWebKey { X = Base64Url.Encode(deviceKey.PublicKey) } };

        ExchangeResult<RegisterResponse> result;
        try
        {
            result = await SendAsync<RegisterResponse>(request, header, deviceKey, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Update(data => data with { State = data.State with { Registration = before.Registration } });
            throw;
        }

        var failure = result.Succeeded ? CheckIssuedCertificate(result.Response.Certificate, deviceKey.PublicKey) : result.Failure;
        var now = _timeProvider.GetUtcNow();
        if (failure is not null)
        {
            // A registered device keeps its registration, so only a device without one retries.
            var retry = !wasRegistered && IsRetriedRegistrationFailure(failure);
            var failed = Update(data =>
            {
                var failures = retry ? data.RegistrationFailures + 1 : 0;
                return data with
                {
                    PendingRegistrationToken = retry ? token : null,
                    PendingRegistrationForce = retry && force,
                    RegistrationFailures = failures,
                    State = data.State with
                    {
                        Registration = wasRegistered ? RegistrationStatus.Registered : RegistrationStatus.RegistrationFailed,
                        LastRegistrationAttempt = new AttemptRecord(now, false, failure.Code, failure.Message),
                        NextRegistrationAttempt = retry ? Scheduling.RetrySchedule.NextAttempt(now, failures, null) : null,
                    },
                };
            });
            RaiseCommunicationFailure(failure);
            var nextAttempt = failed.State.NextRegistrationAttempt is { } next
                ? $" The next attempt is at {AgentText.Time(next)}."
                : "";
            Raise(AgentEventKind.RegistrationFailed, $"Registration of {_options.Udi} with the license server failed: {AgentText.Sentence(failure.Message)}{nextAttempt}");
            return Fail(failure);
        }

        var answer = result.Response!;
        var certificate = answer.Certificate;
        var registered = Update(data =>
        {
            var entitlements = data.State.Entitlements
                .Select(e => e with { Status = null, DisplayName = null, ShortTag = null })
                .ToImmutableArray();
            return data with
            {
                DevicePrivateKey = Convert.ToBase64String(deviceKey.ExportPrivateKey()),
                IdCertificate = certificate.Certificate,
                AuthorizationFailures = 0,
                IdRenewalFailures = 0,
                PendingRegistrationToken = null,
                PendingRegistrationForce = false,
                RegistrationFailures = 0,
                State = data.State with
                {
                    Registration = RegistrationStatus.Registered,
                    NextRegistrationAttempt = null,
                    Authorization = entitlements.Length == 0 ? AuthorizationStatus.None : AuthorizationStatus.Waiting,
                    SmartAccount = answer.SmartAccount,
                    VirtualAccount = answer.VirtualAccount,
                    ExportControlledAllowed = answer.ExportControlledAllowed,
                    ExportAuthorized = false,
                    RegisteredAt = now,
                    LastRegistrationAttempt = new AttemptRecord(now, true),
                    LastIdRenewalAttempt = null,
                    NextIdRenewal = certificate.RenewAfter,
                    RegistrationExpires = certificate.NotAfter,
                    CertificateSerial = certificate.SerialNumber,
                    CertificateNotBefore = certificate.NotBefore,
                    AuthorizedAt = null,
                    NextAuthorizationAttempt = entitlements.Length == 0 ? null : now,
                    AuthorizationExpires = null,
                    Entitlements = entitlements,
                },
            };
        });

        Raise(AgentEventKind.RegistrationSucceeded,
            $"{_options.Udi} registered with the license server in virtual account '{answer.VirtualAccount}' of smart account '{answer.SmartAccount}'; the ID certificate is valid until {AgentText.Time(certificate.NotAfter)}.");
        if (answer.ExportControlledAllowed)
        {
            Raise(AgentEventKind.ExportControlledAllowed, $"Export-controlled functionality is allowed for {_options.Udi}.");
        }

        if (registered.State.Entitlements.Count > 0)
        {
            await RenewAuthorizationCoreAsync(cancellationToken).ConfigureAwait(false);
        }

        return AgentResult.Success;
    }

    /// <summary>
    /// Whether a failed registration is retried with the same token: the server could not be
    /// reached or trusted, was unavailable, sent an invalid response, or the clocks disagreed.
    /// A rejection of the token or the request is final.
    /// </summary>
    private static bool IsRetriedRegistrationFailure(FailureReason failure) =>
        failure.Code == FailureReasons.CommunicationFailed.Code
        || failure.Code == FailureReasons.ServerCertificateRejected.Code
        || failure.Code == FailureReasons.ServerUnavailable.Code
        || failure.Code == FailureReasons.ResponseInvalid.Code
        || failure.Code == FailureReasons.ClockSkew.Code;

    /// <summary>Retries the pending registration when its time has come; called with the exchange lock held.</summary>
    private async Task RetryRegistrationIfDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var data = Current;
        if (data.State.Registration != RegistrationStatus.RegistrationFailed
            || data.PendingRegistrationToken is not { } token
            || data.State.NextRegistrationAttempt is not { } due
            || now < due)
        {
            return;
        }

        await RegisterCoreAsync(token, data.PendingRegistrationForce, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AgentResult> RenewIdCertificateCoreAsync(CancellationToken cancellationToken)
    {
        var data = Current;
        if (data.State.Registration != RegistrationStatus.Registered || !data.HasRegistration)
        {
            return Fail(FailureReasons.NotRegistered);
        }

        using var deviceKey = Ed25519SigningKey.ImportPrivateKey(Convert.FromBase64String(data.DevicePrivateKey!));
        var request = new IdCertificateRenewalRequest
        {
            Nonce = NewNonce(),
            IssuedAt = _timeProvider.GetUtcNow(),
            Udi = _options.Udi.ToString(),
        };
        var header = new JwsHeader { KeyId = data.State.CertificateSerial };

        var result = await SendAsync<IdCertificateResponse>(request, header, deviceKey, cancellationToken).ConfigureAwait(false);
        var failure = result.Succeeded ? CheckIssuedCertificate(result.Response.Certificate, deviceKey.PublicKey) : result.Failure;
        var now = _timeProvider.GetUtcNow();
        if (failure is not null)
        {
            RecordIdRenewalFailure(failure, now);
            return Fail(failure);
        }

        var certificate = result.Response!.Certificate;
        Update(current => current with
        {
            IdCertificate = certificate.Certificate,
            IdRenewalFailures = 0,
            State = current.State with
            {
                LastIdRenewalAttempt = new AttemptRecord(now, true),
                NextIdRenewal = certificate.RenewAfter,
                RegistrationExpires = certificate.NotAfter,
                CertificateSerial = certificate.SerialNumber,
                CertificateNotBefore = certificate.NotBefore,
            },
        });
        Raise(AgentEventKind.IdCertificateRenewed,
            $"The ID certificate of {_options.Udi} was renewed; it is valid until {AgentText.Time(certificate.NotAfter)} and will be renewed after {AgentText.Time(certificate.RenewAfter)}.");
        return AgentResult.Success;
    }

    private void RecordIdRenewalFailure(FailureReason failure, DateTimeOffset now)
    {
        var attempt = new AttemptRecord(now, false, failure.Code, failure.Message);
        RaiseCommunicationFailure(failure);
        if (DropRegistrationIfServerForgot(failure, data => data with { State = data.State with { LastIdRenewalAttempt = attempt } }))
        {
            Raise(AgentEventKind.IdCertificateRenewFailed, $"ID certificate renewal of {_options.Udi} failed: {failure.Message}");
            return;
        }

        var updated = Update(data =>
        {
            var failures = data.IdRenewalFailures + 1;
            return data with
            {
                IdRenewalFailures = failures,
                State = data.State with
                {
                    LastIdRenewalAttempt = attempt,
                    NextIdRenewal = Scheduling.RetrySchedule.NextAttempt(now, failures, data.State.RegistrationExpires),
                },
            };
        });
        Raise(AgentEventKind.IdCertificateRenewFailed,
            $"ID certificate renewal of {_options.Udi} failed: {AgentText.Sentence(failure.Message)} The next attempt is at {AgentText.Time(updated.State.NextIdRenewal)}.");
    }

    private async Task<AgentResult> DeregisterCoreAsync(CancellationToken cancellationToken)
    {
        var data = Current;
        AgentResult result;
        if (data.State.Registration == RegistrationStatus.Registered && data.HasRegistration)
        {
            using var deviceKey = Ed25519SigningKey.ImportPrivateKey(Convert.FromBase64String(data.DevicePrivateKey!));
            var request = new DeregisterRequest
            {
                Nonce = NewNonce(),
                IssuedAt = _timeProvider.GetUtcNow(),
                Udi = _options.Udi.ToString(),
            };
            var header = new JwsHeader { KeyId = data.State.CertificateSerial };
            var answer = await SendAsync<DeregisterResponse>(request, header, deviceKey, cancellationToken).ConfigureAwait(false);
            result = answer.Succeeded ? AgentResult.Success : Fail(answer.Failure);
            if (!answer.Succeeded)
            {
                RaiseCommunicationFailure(answer.Failure);
            }
        }
        else
        {
            result = Fail(FailureReasons.NotRegistered);
        }

        DropRegistration(RegistrationStatus.Unregistered);
        if (result.Succeeded)
        {
            Raise(AgentEventKind.Deregistered, $"{_options.Udi} was deregistered from the license server and its local registration was removed.");
        }
        else
        {
            Raise(AgentEventKind.DeregistrationFailed,
                $"Deregistration of {_options.Udi} from the license server failed: {AgentText.Sentence(result.FailureMessage ?? string.Empty)} The local registration was removed anyway.");
        }

        return result;
    }

    /// <summary>
    /// Drops the local registration when the server answered that it no longer knows this device.
    /// Returns false, changing nothing, for any other failure.
    /// </summary>
    private bool DropRegistrationIfServerForgot(FailureReason failure, Func<StoredAgentData, StoredAgentData> recordAttempt)
    {
        RegistrationStatus status;
        if (failure.Code == FailureReasons.NotRegistered.Code || failure.Code == FailureReasons.UnknownCertificate.Code)
        {
            status = RegistrationStatus.Unregistered;
        }
        else if (failure.Code == FailureReasons.CertificateExpired.Code)
        {
            status = RegistrationStatus.RegistrationExpired;
        }
        else
        {
            return false;
        }

        DropRegistration(status, recordAttempt);
        Raise(status == RegistrationStatus.RegistrationExpired ? AgentEventKind.RegistrationExpired : AgentEventKind.RegistrationRemoved,
            RegistrationDroppedMessage(failure.Message));
        return true;
    }

    // The server's reason often contains the advice to register again, so it is added only when missing.
    private string RegistrationDroppedMessage(string reason)
    {
        const string Advice = "Register it again with a registration token.";
        var message = $"The license server no longer accepts the registration of {_options.Udi}, so the product instance is now unregistered: {AgentText.Sentence(reason)}";
        return reason.Contains("Register", StringComparison.Ordinal) ? message : $"{message} {Advice}";
    }

    /// <summary>Removes the key, the ID certificate and every registration and authorization fact; keeps the requested entitlements and attempt records.</summary>
    private void DropRegistration(RegistrationStatus status, Func<StoredAgentData, StoredAgentData>? alsoChange = null) =>
        Update(data =>
        {
            var state = data.State;
            var cleared = new AgentState
            {
                Registration = status,
                Authorization = AuthorizationStatus.None,
                LastRegistrationAttempt = state.LastRegistrationAttempt,
                LastIdRenewalAttempt = state.LastIdRenewalAttempt,
                LastAuthorizationAttempt = state.LastAuthorizationAttempt,
                Entitlements = state.Entitlements.Select(e => e with { Status = null, DisplayName = null, ShortTag = null }).ToImmutableArray(),
            };
            var next = new StoredAgentData { State = cleared };
            return alsoChange is null ? next : alsoChange(next);
        });

    /// <summary>Checks that the ID certificate the server issued is readable and certifies this device's key.</summary>
    private static FailureReason? CheckIssuedCertificate(IdCertificateInfo info, byte[] devicePublicKey)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(info.Certificate));
            if (!Ed25519Certificates.TryGetPublicKey(certificate, out var certifiedKey)
                || !certifiedKey.AsSpan().SequenceEqual(devicePublicKey))
            {
                return FailureReasons.ResponseInvalid.WithMessage(
                    "The license server's answer is not valid: the ID certificate it issued is not for this device's key.");
            }
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return FailureReasons.ResponseInvalid.WithMessage(
                $"The license server's answer is not valid: the ID certificate it issued cannot be read ({ex.Message}).");
        }

        return null;
    }

    private void RaiseCommunicationFailure(FailureReason failure)
    {
        if (failure.Code == FailureReasons.CommunicationFailed.Code || failure.Code == FailureReasons.ServerCertificateRejected.Code)
        {
            Raise(AgentEventKind.CommunicationFailed, failure.Message);
        }
    }
}
