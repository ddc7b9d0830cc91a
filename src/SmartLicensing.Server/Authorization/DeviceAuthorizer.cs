using System.Globalization;
using Microsoft.Extensions.Logging;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Server.DeviceEndpoint;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Authorization;

/// <summary>
/// Handles an authorization request: the product instance now uses exactly what it requests, the
/// virtual account's balances move by the difference, and each entitlement is authorized while
/// its balance stays at or above zero.
/// </summary>
internal sealed class DeviceAuthorizer(LicensingDbContext db, ProductCatalog catalog, ILogger<DeviceAuthorizer> logger)
{
    public async Task<DeviceResult> AuthorizeAsync(DeviceMessage message, ProductInstance instance, AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var problem = FindProblem(request.Entitlements);
        if (problem is not null)
        {
            return DeviceResult.Malformed(problem);
        }

        var now = message.ReceivedAt;
        var requested = request.Entitlements.ToDictionary(e => e.Tag, e => e.Count, StringComparer.Ordinal);
        var changed = false;

        foreach (var released in instance.Entitlements.Where(e => !requested.ContainsKey(e.Tag)).ToList())
        {
            await EntitlementUsage.AdjustAsync(db, instance.VirtualAccountId, released.Tag, -released.Count, cancellationToken);
            instance.Entitlements.Remove(released);
            db.ProductInstanceEntitlements.Remove(released);
            changed = true;
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

            var row = instance.Entitlements.FirstOrDefault(e => e.Tag == tag);
            if (ExportControl.Rejects(catalog, entitlement, instance.ExportControlledAllowed))
            {
                if (row is not null)
                {
                    await EntitlementUsage.AdjustAsync(db, instance.VirtualAccountId, tag, -row.Count, cancellationToken);
                    instance.Entitlements.Remove(row);
                    db.ProductInstanceEntitlements.Remove(row);
                }

                answers.Add(Rejected(entitlement, count));
                changed = true;
                continue;
            }

            var balance = await EntitlementUsage.AdjustAsync(db, instance.VirtualAccountId, tag, count - (row?.Count ?? 0), cancellationToken);
            var status = balance.Balance >= 0 ? EntitlementStatus.Authorized : EntitlementStatus.OutOfCompliance;
            changed |= row is null || row.Count != count || row.Status != status;
            if (row is null)
            {
                row = new ProductInstanceEntitlement { ProductInstanceId = instance.Id, Tag = tag };
                instance.Entitlements.Add(row);
            }

            row.Count = count;
            row.Status = status;
            answers.Add(new EntitlementAuthorization
            {
                Tag = tag,
                Count = count,
                Status = status,
                DisplayName = entitlement.DisplayName,
                ShortTag = entitlement.ShortTag,
            });
        }

        instance.LastAuthorizedAt = now;
        instance.LastContactAt = now;
        instance.Version = Guid.NewGuid();

        // A renewal of what the instance already uses shows in its last authorization time, not in the event log.
        var summary = Summarize(answers);
        if (changed)
        {
            EventLog.Add(db, now, instance.VirtualAccountId, instance.Udi, EventCategories.Device,
                $"Product instance {instance.Udi} requested authorization: {summary}");
        }

        await db.SaveChangesAsync(cancellationToken);
        DeviceEndpointLog.Authorized(logger, instance.Udi, summary);

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

    /// <summary>Builds the NOT_AUTHORIZED answer for an entitlement the instance may not hold. No license is used for it.</summary>
    public static EntitlementAuthorization Rejected(Entitlement entitlement, int count) => new()
    {
        Tag = entitlement.Tag,
        Count = count,
        Status = EntitlementStatus.NotAuthorized,
        DisplayName = entitlement.DisplayName,
        ShortTag = entitlement.ShortTag,
    };

    /// <summary>The answers in one line, as the event log and the server log show them.</summary>
    public static string Summarize(IReadOnlyList<EntitlementAuthorization> answers) => answers.Count == 0
        ? "no entitlements"
        : string.Join(", ", answers.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.ShortTag ?? a.Tag} x{a.Count} {Word(a.Status)}")));

    public static string? FindProblem(IReadOnlyList<EntitlementRequest>? entitlements)
    {
        if (entitlements is null)
        {
            return "the authorization request has no entitlements list";
        }

        if (entitlements.Count > DeviceMessageRules.MaxEntitlementsPerRequest)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the authorization request names {entitlements.Count} entitlements, more than the {DeviceMessageRules.MaxEntitlementsPerRequest} allowed");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entitlement in entitlements)
        {
            if (entitlement is null || string.IsNullOrWhiteSpace(entitlement.Tag) || entitlement.Tag.Length > DeviceMessageRules.MaxTagLength)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"an entitlement tag is empty or longer than {DeviceMessageRules.MaxTagLength} characters");
            }

            if (entitlement.Count is < 1 or > DeviceMessageRules.MaxEntitlementCount)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"the count of {entitlement.Tag} is {entitlement.Count}; a count is 1 to {DeviceMessageRules.MaxEntitlementCount}");
            }

            if (!seen.Add(entitlement.Tag))
            {
                return $"the entitlement {entitlement.Tag} is listed twice";
            }
        }

        return null;
    }

    private static string Word(EntitlementStatus status) => status switch
    {
        EntitlementStatus.Authorized => "AUTHORIZED",
        EntitlementStatus.OutOfCompliance => "OUT_OF_COMPLIANCE",
        EntitlementStatus.InvalidTag => "INVALID_TAG",
        _ => "NOT_AUTHORIZED",
    };
}
