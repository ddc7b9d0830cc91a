using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Accounts;

/// <summary>Admin API routes of the smart account and its virtual accounts.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapGet("/account", (VirtualAccountService service, CancellationToken ct) => service.GetAccountAsync(ct))
            .WithName("GetAccount");

        var accounts = api.MapGroup("/virtual-accounts").WithTags("Virtual accounts");
        accounts.MapGet("/", (VirtualAccountService service, CancellationToken ct) => service.ListAsync(ct))
            .WithName("ListVirtualAccounts");

        accounts.MapGet("/{name}", async (string name, VirtualAccountService service, CancellationToken ct) =>
                ProblemMapper.ToResult(await service.GetAsync(name, ct), TypedResults.Ok))
            .WithName("GetVirtualAccount")
            .Produces<VirtualAccountView>();

        accounts.MapPost("/", async (CreateVirtualAccountRequest request, VirtualAccountService service, ClaimsPrincipal user, CancellationToken ct) =>
                ProblemMapper.ToResult(
                    await service.CreateAsync(request, user.Actor(), ct),
                    view => TypedResults.Created($"{AdminApiEndpoints.Prefix}/virtual-accounts/{Uri.EscapeDataString(view.Name)}", view)))
            .WithName("CreateVirtualAccount")
            .Produces<VirtualAccountView>(StatusCodes.Status201Created);

        accounts.MapPatch("/{name}", async (string name, UpdateVirtualAccountRequest request, VirtualAccountService service, ClaimsPrincipal user, CancellationToken ct) =>
                ProblemMapper.ToResult(await service.UpdateAsync(name, request, user.Actor(), ct), TypedResults.Ok))
            .WithName("UpdateVirtualAccount")
            .Produces<VirtualAccountView>();

        accounts.MapDelete("/{name}", async (string name, VirtualAccountService service, ClaimsPrincipal user, CancellationToken ct) =>
                ProblemMapper.ToResult(await service.DeleteAsync(name, user.Actor(), ct), _ => TypedResults.NoContent()))
            .WithName("DeleteVirtualAccount");

        accounts.MapPost("/{name}/default", async (string name, VirtualAccountService service, ClaimsPrincipal user, CancellationToken ct) =>
                ProblemMapper.ToResult(await service.SetDefaultAsync(name, user.Actor(), ct), TypedResults.Ok))
            .WithName("SetDefaultVirtualAccount")
            .Produces<VirtualAccountView>();
    }
}
