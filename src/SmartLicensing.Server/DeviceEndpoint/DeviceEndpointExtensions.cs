using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol;
using SmartLicensing.Server.Authorization;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Registration;

namespace SmartLicensing.Server.DeviceEndpoint;

/// <summary>Registers and maps the device endpoint.</summary>
public static class DeviceEndpointExtensions
{
    /// <summary>
    /// Adds the device endpoint's services. The host registers <see cref="Pki.ServerCredentials"/>
    /// (singleton) and <see cref="Storage.LicensingDbContext"/> (scoped); <see cref="TimeProvider"/>
    /// and the <see cref="ProductCatalog"/> default to the system clock and the built-in catalog.
    /// </summary>
    public static IServiceCollection AddDeviceEndpoint(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CatalogLoader.BuiltIn);
        services.AddSingleton<NonceCache>();
        services.AddSingleton<ResponseSigner>();
        services.AddSingleton<HotPathDatabase>();
        services.AddSingleton<DeviceIdentityReader>();
        services.AddSingleton<GroupCommitter>();
        services.AddSingleton<HotPathAuthorizer>();
        services.AddScoped<RegistrationTokenValidator>();
        services.AddScoped<DeviceAuthenticator>();
        services.AddScoped<DeviceRegistrar>();
        services.AddScoped<DeviceAuthorizer>();
        services.AddScoped<IdCertificateRenewer>();
        services.AddScoped<DeviceDeregistrar>();
        services.AddScoped<DeviceRequestHandler>();
        return services;
    }

    /// <summary>Maps POST at every path in <see cref="DevicePaths.All"/>.</summary>
    public static IEndpointRouteBuilder MapDeviceEndpoint(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var path in DevicePaths.All)
        {
            endpoints.MapPost(path, HandleAsync).ExcludeFromDescription();
        }

        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, DeviceRequestHandler handler)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        var (jws, statusCode) = await handler.HandleAsync(body, context.RequestAborted);
        return Results.Text(jws, DevicePaths.MediaType, System.Text.Encoding.ASCII, statusCode);
    }

    /// <summary>Reads at most <see cref="DeviceMessageRules.MaxBodyBytes"/> + 1 bytes; a longer body fails the JWS length check.</summary>
    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > DeviceMessageRules.MaxBodyBytes)
        {
            return new string('x', DeviceMessageRules.MaxBodyBytes + 1);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(DeviceMessageRules.MaxBodyBytes + 1);
        try
        {
            var length = 0;
            while (length < DeviceMessageRules.MaxBodyBytes + 1)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, DeviceMessageRules.MaxBodyBytes + 1 - length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
