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
internal sealed class HotPathAuthorizer(GroupCommitter committer, ProductCatalog catalog, ILogger<HotPathAuthorizer> logger)
{
    /// <summary>Null when the instance changed after it was read; the general path then answers.</summary>
    public async Task<DeviceResult?> AuthorizeAsync(DeviceIdentity device, string serial, AuthorizationRequest request, DateTimeOffset now)
    {
        var result = await committer.WriteAsync(sql => ApplyAsync(sql, device, serial, request, now));
        if (result?.Response is AuthorizationResponse answer)
        {
            DeviceEndpointLog.Authorized(logger, device.Udi, DeviceAuthorizer.Summarize(answer.Entitlements));
        }

        return result;
    }

    private async Task<DeviceResult?> ApplyAsync(GroupStatements sql, DeviceIdentity device, string serial, AuthorizationRequest request, DateTimeOffset now)
    {
        // Locks the instance row (PostgreSQL) and finds out whether it was re-registered or removed since it was read.
        if (await sql.TouchInstanceAsync(device.Id, serial, now) is not { } instance)
        {
            return null;
        }

        var virtualAccountId = instance.VirtualAccountId;
        var current = await sql.EntitlementsAsync(device.Id);
        var requested = new HashSet<string>(request.Entitlements.Select(e => e.Tag), StringComparer.Ordinal);
        foreach (var (tag, count) in current)
        {
            if (!requested.Contains(tag))
            {
                await sql.AdjustBalanceAsync(virtualAccountId, tag, -count);
                await sql.DeleteEntitlementAsync(device.Id, tag);
            }
        }

        var answers = new List<EntitlementAuthorization>(request.Entitlements.Count);
        foreach (var (tag, count) in request.Entitlements)
        {
            var entitlement = catalog.FindByTag(tag);
            if (entitlement is null)
            {
                answers.Add(new EntitlementAuthorization { Tag = tag, Count = count, Status = EntitlementStatus.InvalidTag });
                continue;
            }

            if (ExportControl.Rejects(catalog, entitlement, instance.ExportControlledAllowed))
            {
                if (current.TryGetValue(tag, out var held))
                {
                    await sql.AdjustBalanceAsync(virtualAccountId, tag, -held);
                    await sql.DeleteEntitlementAsync(device.Id, tag);
                }

                answers.Add(DeviceAuthorizer.Rejected(entitlement, count));
                continue;
            }

            var balance = await sql.AdjustBalanceAsync(virtualAccountId, tag, count - current.GetValueOrDefault(tag));
            var status = balance >= 0 ? EntitlementStatus.Authorized : EntitlementStatus.OutOfCompliance;
            await sql.SetEntitlementAsync(device.Id, tag, count, status);
            answers.Add(new EntitlementAuthorization
            {
                Tag = tag,
                Count = count,
                Status = status,
                DisplayName = entitlement.DisplayName,
                ShortTag = entitlement.ShortTag,
            });
        }

        await sql.AddEventAsync(now, virtualAccountId, device.Udi,
            $"Product instance {device.Udi} requested authorization: {DeviceAuthorizer.Summarize(answers)}");

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
