using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Devices;

/// <summary>Admin API routes of product instances.</summary>
public static class ProductInstanceEndpoints
{
    public static void MapProductInstanceEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        var instances = api.MapGroup("/product-instances").WithTags("Product instances");
        instances.MapGet("/", async (string? virtualAccount, ProductInstanceService service, CancellationToken ct) =>
                ProblemMapper.ToResult(await service.ListAsync(virtualAccount, ct), TypedResults.Ok))
            .WithName("ListProductInstances")
            .Produces<IReadOnlyList<ProductInstanceView>>();

        // A UDI (PID:ASAv,SN:9A1B) is sent URL-encoded in the path.
        instances.MapGet("/{idOrUdi}", async (string idOrUdi, ProductInstanceService service, CancellationToken ct) =>
                ProblemMapper.ToResult(await service.GetAsync(idOrUdi, ct), TypedResults.Ok))
            .WithName("GetProductInstance")
            .Produces<ProductInstanceView>();

        // A reserved instance is removed only with the device's return code, which gives its license back.
        instances.MapDelete("/{idOrUdi}", async (string idOrUdi, string? returnCode, ProductInstanceService service, Reservations.ReservationService reservations, ClaimsPrincipal user, CancellationToken ct) =>
                returnCode is null
                    ? ProblemMapper.ToResult(await service.RemoveAsync(idOrUdi, user.Actor(), ct), _ => TypedResults.NoContent())
                    : ProblemMapper.ToResult(await reservations.ReturnAsync(idOrUdi, returnCode, user.Actor(), ct), _ => TypedResults.NoContent()))
            .WithName("RemoveProductInstance");
    }
}
