using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SmartLicensing.Server.AdminApi;

/// <summary>
/// Describes the Admin API key in the OpenAPI document: the two ways to send it (bearer token or
/// <c>X-API-Key</c> header) as security schemes, required by every operation under the Admin API prefix.
/// </summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string HeaderScheme = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Admin API key as a bearer token: Authorization: Bearer <key>. 'smartlic authority' writes the first key to admin.env.",
        };
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.ApiKeyHeader,
            Description = "Admin API key in the X-API-Key header, as an alternative to the bearer token.",
        };

        // Two requirements: either scheme alone is enough.
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith(AdminApiEndpoints.Prefix + "/", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] });
            }
        }

        return Task.CompletedTask;
    }
}
