using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Licenses;
using SmartLicensing.Server.Reservations;
using SmartLicensing.Server.Tokens;

namespace SmartLicensing.Server.AdminApi;

/// <summary>Registers and maps the Admin API; every route under <see cref="Prefix"/> requires an API key.</summary>
public static class AdminApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddSingleton<FailedApiKeyLimiter>();

        services.AddScoped<VirtualAccountService>();
        services.AddScoped<LicenseService>();
        services.AddScoped<TokenService>();
        services.AddScoped<ProductInstanceService>();
        services.AddScoped<EventService>();
        services.AddScoped<ReservationService>();
        return services;
    }

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization();
        api.MapAccountEndpoints();
        api.MapLicenseEndpoints();
        api.MapTokenEndpoints();
        api.MapProductInstanceEndpoints();
        api.MapEventEndpoints();
        api.MapReservationEndpoints();
        return api;
    }
}
