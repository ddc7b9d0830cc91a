using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Reservation;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Agent;

/// <summary>
/// Permanent license reservation: every step is local to the device, because a reserving device
/// may never reach a license server. The request code carries a key made for the request; the
/// authorization code is checked against the trustpool roots; the return code is signed with the
/// request key, which is then deleted.
/// </summary>
public sealed partial class SmartAgent
{
    /// <summary>
    /// Makes the request code for a reservation of <paramref name="entitlementTag"/>. While that
    /// request is pending, calling again shows the same code, also after a restart. A returned
    /// reservation is replaced by the new request, so its return code can no longer be shown.
    /// </summary>
    public ReservationResult RequestReservation(string entitlementTag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entitlementTag);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var data = Current;
        var reservation = data.State.Reservation;
        if (data.State.Registration == RegistrationStatus.Registered)
        {
            return FailReservation(FailureReasons.AlreadyRegistered.WithMessage(
                "The device is registered with a license server. Deregister it before requesting a permanent license reservation."));
        }

        if (reservation is { Stage: ReservationStage.Installed })
        {
            return FailReservation(FailureReasons.AlreadyRegistered.WithMessage(
                "A permanent license reservation is already installed. Return it before requesting another."));
        }

        if (reservation is { Stage: ReservationStage.Requested } pending && pending.EntitlementTag == entitlementTag && data.ReservationPrivateKey is not null)
        {
            return new ReservationResult(true, pending.RequestCode);
        }

        using var key = Ed25519SigningKey.Create();
        var code = ReservationRequestCode.Create(_options.Udi, key.PublicKey, entitlementTag).Format();
        var now = _timeProvider.GetUtcNow();
        Update(d => d with
        {
            ReservationPrivateKey = Convert.ToBase64String(key.ExportPrivateKey()),
            State = d.State with
            {
                Registration = RegistrationStatus.ReservationInProgress,
                Authorization = AuthorizationStatus.None,
                ExportAuthorized = false,
                ExportControlledAllowed = false,
                Reservation = new ReservationState(ReservationStage.Requested, entitlementTag, code, now),
            },
        });
        return new ReservationResult(true, code);
    }

    /// <summary>Cancels a pending reservation request; its request code and key are deleted.</summary>
    public ReservationResult CancelReservationRequest()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (State.Reservation is not { Stage: ReservationStage.Requested })
        {
            return FailReservation(FailureReasons.ReservationNotFound.WithMessage("No reservation request is pending, so there is nothing to cancel."));
        }

        Update(d => d with
        {
            ReservationPrivateKey = null,
            State = d.State with { Registration = RegistrationStatus.Unregistered, Authorization = AuthorizationStatus.None, Reservation = null },
        });
        return new ReservationResult(true);
    }

    /// <summary>
    /// Installs the authorization code for the pending request and returns the confirmation code.
    /// A code for another request, a mistyped code or a code no trusted root signed changes nothing.
    /// Installing the installed code again shows its confirmation code again.
    /// </summary>
    public ReservationResult InstallReservation(string authorizationCode)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        var reservation = State.Reservation;
        if (!ReservationAuthorizationCode.TryParse(authorizationCode, out var authorization, out var codeError))
        {
            var reason = codeError.Problem == ReservationCodeProblem.Typo ? FailureReasons.ReservationCodeMistyped : FailureReasons.ReservationCodeInvalid;
            return FailReservation(reason.WithMessage(codeError.Message));
        }

        if (reservation is { Stage: ReservationStage.Installed } installed && installed.AuthorizationCode == authorization.Format())
        {
            return new ReservationResult(true, installed.ConfirmationCode);
        }

        if (reservation is not { Stage: ReservationStage.Requested } pending)
        {
            return FailReservation(FailureReasons.ReservationNotFound.WithMessage(reservation is { Stage: ReservationStage.Installed }
                ? "A permanent license reservation is already installed. Return it before installing another."
                : "No reservation request is pending. Make a request code first and enter it at the license server."));
        }

        if (!ReservationRequestCode.TryParse(pending.RequestCode, out var request, out _) || !authorization.IsFor(request))
        {
            return FailReservation(FailureReasons.ReservationCodeMismatch);
        }

        if (!authorization.Verify(request, pending.EntitlementTag, _options.TrustedRoots))
        {
            return FailReservation(FailureReasons.ReservationSignatureInvalid);
        }

        var confirmation = authorization.Confirmation.Text;
        var now = _timeProvider.GetUtcNow();
        Update(d => d with
        {
            State = d.State with
            {
                Registration = RegistrationStatus.UniversalReservation,
                Authorization = AuthorizationStatus.Reserved,
                ExportAuthorized = authorization.ExportAllowed,
                ExportControlledAllowed = authorization.ExportAllowed,
                Reservation = pending with
                {
                    Stage = ReservationStage.Installed,
                    AuthorizationCode = authorization.Format(),
                    ConfirmationCode = confirmation,
                    InstalledAt = now,
                    ExportAllowed = authorization.ExportAllowed,
                },
            },
        });
        Raise(AgentEventKind.ReservationInstalled, $"The permanent license reservation was installed; confirmation code {confirmation}.");
        RaisePendingEvents();
        return new ReservationResult(true, confirmation);
    }

    /// <summary>
    /// Gives the installed reservation up at once and returns the return code, signed with the
    /// request key, which is then deleted. Asking again shows the same code until a new request.
    /// </summary>
    public ReservationResult ReturnReservation()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        var data = Current;
        var reservation = data.State.Reservation;
        if (reservation is { Stage: ReservationStage.Returned, ReturnCode: { } shown })
        {
            return new ReservationResult(true, shown);
        }

        if (reservation is not { Stage: ReservationStage.Installed, AuthorizationCode: { } authorizationText } installed
            || data.ReservationPrivateKey is null
            || !ReservationRequestCode.TryParse(installed.RequestCode, out var request, out _)
            || !ReservationAuthorizationCode.TryParse(authorizationText, out var authorization, out _))
        {
            return FailReservation(FailureReasons.ReservationNotFound.WithMessage(reservation is { Stage: ReservationStage.Requested }
                ? "The reservation is not installed yet, so there is nothing to return. Install its authorization code first, or cancel the request if it was never entered at the license server."
                : "No permanent license reservation is installed, so there is nothing to return."));
        }

        using var key = Ed25519SigningKey.ImportPrivateKey(Convert.FromBase64String(data.ReservationPrivateKey));
        var returnCode = ReservationReturnCode.Create(request, installed.EntitlementTag, authorization, key).Format();
        var now = _timeProvider.GetUtcNow();
        Update(d => d with
        {
            ReservationPrivateKey = null,
            State = d.State with
            {
                Registration = RegistrationStatus.Unregistered,
                Authorization = AuthorizationStatus.None,
                ExportAuthorized = false,
                ExportControlledAllowed = false,
                Reservation = installed with { Stage = ReservationStage.Returned, ReturnCode = returnCode, ReturnedAt = now },
            },
        });
        Raise(AgentEventKind.ReservationReturned, "The permanent license reservation was returned; enter the return code at the license server.");
        RaisePendingEvents();
        return new ReservationResult(true, returnCode);
    }

    /// <summary>
    /// Forgets a returned reservation, so its return code can no longer be shown; for a product
    /// whose model changed, which needs a new request. Returns false when there was none.
    /// </summary>
    public bool ForgetReturnedReservation()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (State.Reservation is not { Stage: ReservationStage.Returned })
        {
            return false;
        }

        Update(d => d with { State = d.State with { Reservation = null } });
        return true;
    }

    private static ReservationResult FailReservation(FailureReason reason) => new(false, null, reason.Code, reason.Message);
}
