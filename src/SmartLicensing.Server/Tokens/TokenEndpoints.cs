using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Tokens;

/// <summary>Admin API routes of registration tokens.</summary>
public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapPost("/virtual-accounts/{name}/tokens", async (string name, CreateTokenRequest? request, TokenService service, ClaimsPrincipal user, CancellationToken ct) =>
                ProblemMapper.ToResult(
                    await service.CreateAsync(name, request ?? new CreateTokenRequest(null, null, null, null), user.Actor(), ct),
                    created => TypedResults.Created((string?)null, created)))
            .WithName("CreateToken")
            .WithTags("Tokens")
            .Produces<CreatedTokenView>(StatusCodes.Status201Created);

        api.MapGet("/tokens", async (string? virtualAccount, TokenService service, CancellationToken ct) =>
                ProblemMapper.ToResult(await service.ListAsync(virtualAccount, ct), TypedResults.Ok))
            .WithName("ListTokens")
            .WithTags("Tokens")
            .Produces<IReadOnlyList<TokenView>>();

        api.MapPost("/tokens/{id}/revoke", async (string id, TokenService service, ClaimsPrincipal user, CancellationToken ct) =>
                ProblemMapper.ToResult(await service.RevokeAsync(id, user.Actor(), ct), TypedResults.Ok))
            .WithName("RevokeToken")
            .WithTags("Tokens")
            .Produces<TokenView>();
    }
}
