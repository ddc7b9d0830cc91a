using System.Collections.Immutable;
using SmartLicensing.Agent.Scheduling;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Agent;

public sealed partial class SmartAgent
{
    /// <summary>
    /// Requests authorization for the requested entitlements now, whatever the schedule says. An
    /// empty set is sent as well, so the server frees what the device no longer uses.
    /// </summary>
    public Task<AgentResult> RenewAuthorizationAsync(CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(RenewAuthorizationCoreAsync, cancellationToken);

    private async Task<AgentResult> RenewAuthorizationCoreAsync(CancellationToken cancellationToken)
    {
        var data = Current;
        if (data.State.Registration != RegistrationStatus.Registered || !data.HasRegistration)
        {
            return Fail(FailureReasons.NotRegistered);
        }

        var requested = data.State.Entitlements.Select(e => new EntitlementRequest(e.Tag, e.Count)).ToList();
        using var deviceKey = Ed25519SigningKey.ImportPrivateKey(Convert.FromBase64String(data.DevicePrivateKey!));
        var request = new AuthorizationRequest
        {
            Nonce = NewNonce(),
            IssuedAt = _timeProvider.GetUtcNow(),
            Udi = _options.Udi.ToString(),
            Entitlements = requested,
        };
        var header = new JwsHeader { KeyId = data.State.CertificateSerial };

        var result = await SendAsync<AuthorizationResponse>(request, header, deviceKey, cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        if (!result.Succeeded)
        {
            RecordAuthorizationFailure(result.Failure, now);
            return Fail(result.Failure);
        }

        var answer = result.Response;
        var wasExportAuthorized = data.State.ExportAuthorized;
        var updated = Update(current =>
        {
            var entitlements = Merge(current.State.Entitlements, answer.Entitlements);

            // Entitlements set while the request was on its way have not been answered yet.
            var unchanged = current.State.Entitlements.Count == requested.Count
                && requested.All(r => current.State.Entitlements.Any(e => e.Tag == r.Tag && e.Count == r.Count));
            return current with
            {
                AuthorizationFailures = 0,
                State = current.State with
                {
                    Authorization = Summarize(entitlements),
                    Entitlements = entitlements,
                    AuthorizedAt = answer.AuthorizedAt,
                    NextAuthorizationAttempt = unchanged ? answer.RenewAfter : now,
                    AuthorizationExpires = answer.ExpiresAt,
                    ExportAuthorized = answer.ExportAuthorized,
                    LastAuthorizationAttempt = new AttemptRecord(now, true),
                },
            };
        });

        var state = updated.State;
        Raise(AgentEventKind.AuthorizationRenewed,
            $"Authorization of {_options.Udi} renewed: {AgentText.Describe(state.Authorization)}. The next renewal is at {AgentText.Time(answer.RenewAfter)}; the authorization expires at {AgentText.Time(answer.ExpiresAt)} unless renewed.");
        if (state.Authorization == AuthorizationStatus.OutOfCompliance)
        {
            var lacking = state.Entitlements.Where(e => e.Status == EntitlementStatus.OutOfCompliance).Select(e => e.ShortTag ?? e.Tag);
            Raise(AgentEventKind.OutOfCompliance,
                $"{_options.Udi} is out of compliance: the virtual account lacks licenses for {string.Join(", ", lacking)}.");
        }

        if (answer.ExportAuthorized && !wasExportAuthorized)
        {
            Raise(AgentEventKind.ExportControlledAllowed, $"Strong encryption (export-controlled functionality) is authorized for {_options.Udi}.");
        }

        return AgentResult.Success;
    }

    private void RecordAuthorizationFailure(FailureReason failure, DateTimeOffset now)
    {
        var attempt = new AttemptRecord(now, false, failure.Code, failure.Message);
        RaiseCommunicationFailure(failure);
        if (DropRegistrationIfServerForgot(failure, data => data with { State = data.State with { LastAuthorizationAttempt = attempt } }))
        {
            Raise(AgentEventKind.AuthorizationRenewFailed, $"Authorization renewal of {_options.Udi} failed: {failure.Message}");
            return;
        }

        var updated = Update(data =>
        {
            var failures = data.AuthorizationFailures + 1;

            // Before the authorization expires, retries race its expiry; after it, only the back-off applies.
            var deadline = HoldsAuthorization(data.State.Authorization) ? data.State.AuthorizationExpires : null;
            return data with
            {
                AuthorizationFailures = failures,
                State = data.State with
                {
                    LastAuthorizationAttempt = attempt,
                    NextAuthorizationAttempt = RetrySchedule.NextAttempt(now, failures, deadline),
                },
            };
        });
        Raise(AgentEventKind.AuthorizationRenewFailed,
            $"Authorization renewal of {_options.Udi} failed: {AgentText.Sentence(failure.Message)} The next attempt is at {AgentText.Time(updated.State.NextAuthorizationAttempt)}.");
    }

    /// <summary>
    /// Applies the server's answer to the requested entitlements. Entitlements the answer does not
    /// mention keep their previous status, so one grant or refusal never removes another.
    /// </summary>
    private static ImmutableArray<EntitlementState> Merge(
        IReadOnlyList<EntitlementState> requested, IReadOnlyList<EntitlementAuthorization> answered) =>
        requested
            .Select(e => answered.FirstOrDefault(a => a.Tag == e.Tag) is { } decision
                ? e with { Status = decision.Status, DisplayName = decision.DisplayName, ShortTag = decision.ShortTag }
                : e)
            .ToImmutableArray();

    /// <summary>
    /// Overall state from the entitlement statuses. The worst status wins, in the order
    /// OutOfCompliance, InvalidTag, NotAuthorized, Authorized; entitlements not answered yet do
    /// not count, and with none answered the state is Waiting.
    /// </summary>
    private static AuthorizationStatus Summarize(IReadOnlyList<EntitlementState> entitlements)
    {
        if (entitlements.Count == 0)
        {
            return AuthorizationStatus.None;
        }

        var statuses = entitlements.Where(e => e.Status is not null).Select(e => e.Status!.Value).ToList();
        if (statuses.Count == 0)
        {
            return AuthorizationStatus.Waiting;
        }

        if (statuses.Contains(EntitlementStatus.OutOfCompliance))
        {
            return AuthorizationStatus.OutOfCompliance;
        }

        if (statuses.Contains(EntitlementStatus.InvalidTag))
        {
            return AuthorizationStatus.InvalidTag;
        }

        return statuses.Contains(EntitlementStatus.NotAuthorized) ? AuthorizationStatus.NotAuthorized : AuthorizationStatus.Authorized;
    }
}
