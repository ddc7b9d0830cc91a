using Microsoft.Extensions.Logging;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Server.DeviceEndpoint;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// The renewal hot path: the same changes and answer as <see cref="DeviceAuthorizer"/>, written
/// in plain SQL inside a group commit. The instance row, its entitlement rows, the balances and
/// the event entry of one request are in one transaction, so balances stay equal to the sum of
/// what the instances use.
/// </summary>
/// <remarks>
/// Most requests renew exactly what the instance uses. Such a renewal stamps the instance's
/// authorization time and reads its entitlement rows with their balances. It writes neither
/// entitlement rows nor an event entry, because the event log records changes and the instance's
/// last authorization time shows the renewal.
/// </remarks>
internal sealed class HotPathAuthorizer(GroupCommitter committer, ProductCatalog catalog, ILogger<HotPathAuthorizer> logger)
{
    /// <summary>Null when the instance changed after it was read; the general path then answers.</summary>
    public async Task<DeviceResult?> AuthorizeAsync(DeviceIdentity device, string serial, AuthorizationRequest request, DateTimeOffset now)
    {
        var result = await committer.WriteAsync(sql => Apply(sql, device, serial, request, now), Touch(device, serial, request, now));
        if (result?.Response is AuthorizationResponse answer && logger.IsEnabled(LogLevel.Debug))
        {
            DeviceEndpointLog.Authorized(logger, device.Udi, DeviceAuthorizer.Summarize(answer.Entitlements));
        }

        return result;
    }

    /// <summary>
    /// Builds the stamp that starts the change. When every tag is in the catalog, the stamp also
    /// carries what the instance must use for the request to be a plain renewal, which the writer
    /// can commit without a transaction of its own. An unknown tag gets INVALID_TAG, and that is
    /// logged, so such a request never qualifies.
    /// </summary>
    private TouchRequest Touch(DeviceIdentity device, string serial, AuthorizationRequest request, DateTimeOffset now)
    {
        if (!committer.RenewsUnchangedAtOnce)
        {
            return new TouchRequest(device.Id, serial, now);
        }

        var needsExportPermission = false;
        foreach (var (tag, _) in request.Entitlements)
        {
            if (catalog.FindByTag(tag) is not { } entitlement)
            {
                return new TouchRequest(device.Id, serial, now);
            }

            needsExportPermission |= ExportControl.IsStrongEncryption(catalog, entitlement);
        }

        var holdings = GroupStatements.HoldingsKey(request.Entitlements.Select(e => (e.Tag, e.Count)));
        return new TouchRequest(device.Id, serial, now, holdings, needsExportPermission);
    }

    private DeviceResult? Apply(GroupStatements sql, DeviceIdentity device, string serial, AuthorizationRequest request, DateTimeOffset now)
    {
        // Locks the instance row (PostgreSQL) and finds out whether it was re-registered or removed since it was read.
        if (sql.Touch(device.Id, serial, now) is not { } instance)
        {
            return null;
        }

        var virtualAccountId = instance.VirtualAccountId;
        var current = instance.Holdings;
        var requested = new HashSet<string>(request.Entitlements.Select(e => e.Tag), StringComparer.Ordinal);
        var changed = false;
        foreach (var (tag, used) in current)
        {
            if (!requested.Contains(tag))
            {
                sql.AdjustBalance(virtualAccountId, tag, -used.Count);
                sql.DeleteEntitlement(device.Id, tag);
                changed = true;
            }
        }

        var answers = new List<EntitlementAuthorization>(request.Entitlements.Count);
        foreach (var (tag, count) in request.Entitlements)
        {
            var entitlement = catalog.FindByTag(tag);
            if (entitlement is null)
            {
                answers.Add(new EntitlementAuthorization { Tag = tag, Count = count, Status = EntitlementStatus.InvalidTag });
                changed = true;
                continue;
            }

            var inUse = current.TryGetValue(tag, out var used);
            if (ExportControl.Rejects(catalog, entitlement, instance.ExportControlledAllowed))
            {
                if (inUse)
                {
                    sql.AdjustBalance(virtualAccountId, tag, -used.Count);
                    sql.DeleteEntitlement(device.Id, tag);
                }

                answers.Add(DeviceAuthorizer.Rejected(entitlement, count));
                changed = true;
                continue;
            }

            // A renewal of the same count only reads the balance; a new count moves it.
            var delta = count - (inUse ? used.Count : 0);
            var balance = delta == 0 && used.Balance is { } unchanged
                ? unchanged
                : sql.AdjustBalance(virtualAccountId, tag, delta);
            var status = balance >= 0 ? EntitlementStatus.Authorized : EntitlementStatus.OutOfCompliance;
            if (!inUse || used.Count != count || used.Status != status)
            {
                sql.SetEntitlement(device.Id, tag, count, status);
                changed = true;
            }

            answers.Add(new EntitlementAuthorization
            {
                Tag = tag,
                Count = count,
                Status = status,
                DisplayName = entitlement.DisplayName,
                ShortTag = entitlement.ShortTag,
            });
        }

        if (changed)
        {
            sql.AddEvent(now, virtualAccountId, device.Udi,
                $"Product instance {device.Udi} requested authorization: {DeviceAuthorizer.Summarize(answers)}");
        }

        return DeviceResult.Success(new AuthorizationResponse
        {
            RequestNonce = request.Nonce,
            IssuedAt = now,
            Entitlements = answers,
            ExportAuthorized = instance.ExportControlledAllowed,
            AuthorizedAt = now,
            RenewAfter = now + DeviceMessageRules.AuthorizationRenewAfter,
            ExpiresAt = now + DeviceMessageRules.AuthorizationLifetime,
        });
    }
}
