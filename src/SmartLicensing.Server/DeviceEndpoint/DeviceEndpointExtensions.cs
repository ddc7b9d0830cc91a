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
    private const string ResponseContentType = DevicePaths.MediaType + "; charset=us-ascii";

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
        services.AddSingleton<HotPathReader>();
        services.AddSingleton<DeviceIdentityReader>();
        services.AddSingleton<GroupCommitter>();
        services.AddSingleton<HotPathAuthorizer>();
        services.AddSingleton<HotPathRegistrar>();
        services.AddScoped<RegistrationTokenValidator>();
        services.AddScoped<DeviceAuthenticator>();
        services.AddScoped<DeviceRegistrar>();
        services.AddScoped<DeviceAuthorizer>();
        services.AddScoped<IdCertificateRenewer>();
        services.AddScoped<DeviceDeregistrar>();
        services.AddSingleton<DeviceRequestHandler>();
        return services;
    }

    /// <summary>
    /// Handles device messages (POST at every path in <see cref="DevicePaths.All"/>) ahead of the
    /// rest of the pipeline. Devices sign their messages, so they need none of the Admin API's
    /// routing, authentication or problem pages, which would add a large share of a renewal's cost.
    /// Put it first. Map the paths with <see cref="MapDeviceEndpoint"/> too, so other methods get
    /// the usual 405 response.
    /// </summary>
    public static IApplicationBuilder UseDeviceEndpoint(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var handler = app.ApplicationServices.GetRequiredService<DeviceRequestHandler>();
        return app.Use(next => context =>
            HttpMethods.IsPost(context.Request.Method) && IsDevicePath(context.Request.Path)
                ? AnswerAsync(context, handler)
                : next(context));
    }

    /// <summary>Maps POST at every path in <see cref="DevicePaths.All"/>.</summary>
    public static IEndpointRouteBuilder MapDeviceEndpoint(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var path in DevicePaths.All)
        {
            endpoints.MapPost(path, (HttpContext context, DeviceRequestHandler handler) => AnswerAsync(context, handler)).ExcludeFromDescription();
        }

        return endpoints;
    }

    /// <summary>True when <paramref name="path"/> is one of <see cref="DevicePaths.All"/>, in any letter case, as routing matches it.</summary>
    internal static bool IsDevicePath(PathString path)
    {
        foreach (var devicePath in DevicePaths.All)
        {
            if (path.Equals(devicePath, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task AnswerAsync(HttpContext context, DeviceRequestHandler handler)
    {
        string? body;
        try
        {
            body = await ReadBodyAsync(context.Request, context.RequestAborted);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The device closed the connection or sent a broken body, so no response can be sent.
            context.Abort();
            return;
        }

        var (jws, statusCode) = body is null
            ? await handler.RejectTooLongAsync(context.Request.ContentLength)
            : await handler.HandleAsync(body, context.RequestAborted);
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = ResponseContentType;
        var bytes = System.Text.Encoding.ASCII.GetBytes(jws);
        response.ContentLength = bytes.Length;
        try
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The device closed the connection before the response was sent. The change is stored all the same.
        }
    }

    /// <summary>Reads the body, or returns null when it is longer than <see cref="DeviceMessageRules.MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > DeviceMessageRules.MaxBodyBytes)
        {
            return null;
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

            return length > DeviceMessageRules.MaxBodyBytes ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
