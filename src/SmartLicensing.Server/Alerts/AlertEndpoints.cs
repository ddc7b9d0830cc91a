using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Alerts;

/// <summary>Admin API route of the alert list.</summary>
public static class AlertEndpoints
{
    public static void MapAlertEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapGet("/alerts", async (string? virtualAccount, bool? all, AlertService service, CancellationToken ct) =>
                ProblemMapper.ToResult(await service.ListAsync(virtualAccount, all ?? false, ct), TypedResults.Ok))
            .WithName("ListAlerts")
            .WithTags("Alerts")
            .Produces<IReadOnlyList<AlertView>>();
    }
}
