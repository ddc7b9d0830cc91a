using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Reservations;

/// <summary>Admin API routes of permanent license reservation and the account's reservation approval.</summary>
public static class ReservationEndpoints
{
    public static void MapReservationEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapPatch("/account", async (UpdateAccountRequest request, ReservationService service, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await service.SetReservationEnabledAsync(request, user.Actor(), ct)))
            .WithName("UpdateAccount")
            .WithTags("Reservations")
            .Produces<AccountView>();

        api.MapPost("/reservations", async (ReserveRequest request, ReservationService service, ClaimsPrincipal user, CancellationToken ct) =>
                ProblemMapper.ToResult(
                    await service.ReserveAsync(request, user.Actor(), ct),
                    view => view.AlreadyReserved ? TypedResults.Ok(view) : TypedResults.Created((string?)null, view)))
            .WithName("ReserveLicense")
            .WithTags("Reservations")
            .Produces<ReservationView>(StatusCodes.Status201Created)
            .Produces<ReservationView>();

        // A UDI (PID:ASAv,SN:9A1B) is sent URL-encoded in the path.
        api.MapPost("/product-instances/{idOrUdi}/return", async (string idOrUdi, ReturnReservationRequest request, ReservationService service, ClaimsPrincipal user, CancellationToken ct) =>
                ProblemMapper.ToResult(await service.ReturnAsync(idOrUdi, request.ReturnCode, user.Actor(), ct), TypedResults.Ok))
            .WithName("ReturnReservation")
            .WithTags("Reservations")
            .Produces<ReservationReturnView>();
    }
}
