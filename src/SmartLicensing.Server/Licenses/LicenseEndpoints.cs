using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SmartLicensing.Catalog;
using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Licenses;

/// <summary>Admin API routes of license imports and the license summary.</summary>
public static class LicenseEndpoints
{
    public static void MapLicenseEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapPost("/virtual-accounts/{name}/licenses", ImportAsync)
            .WithName("ImportLicenses")
            .WithTags("Licenses")
            .Accepts<LicenseImportRequest>("application/json", "text/csv", "text/plain")
            .Produces<LicenseImportResult>(StatusCodes.Status201Created);

        api.MapGet("/licenses", async (string? virtualAccount, LicenseService service, CancellationToken ct) =>
                ProblemMapper.ToResult(await service.ListAsync(virtualAccount, ct), TypedResults.Ok))
            .WithName("ListLicenses")
            .WithTags("Licenses")
            .Produces<IReadOnlyList<LicenseView>>();
    }

    /// <summary>Reads an import as CSV (<c>text/csv</c>, order reference in the query) or as JSON.</summary>
    private static async Task<IResult> ImportAsync(
        string name,
        string? orderReference,
        HttpRequest request,
        LicenseService service,
        ProductCatalog catalog,
        TimeProvider timeProvider,
        IOptions<JsonOptions> jsonOptions,
        ClaimsPrincipal user,
        CancellationToken ct)
    {
        var now = timeProvider.GetUtcNow();
        var mediaType = request.ContentType is null ? null : Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType).MediaType.Value;

        Result<IReadOnlyList<LicenseImportLine>> lines;
        if (string.Equals(mediaType, "text/csv", StringComparison.OrdinalIgnoreCase) || string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(ct);
            lines = LicenseImportParser.ParseCsv(text, catalog, now);
        }
        else if (request.HasJsonContentType())
        {
            LicenseImportRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<LicenseImportRequest>(jsonOptions.Value.SerializerOptions, ct);
            }
            catch (JsonException ex)
            {
                return ProblemMapper.ToProblem(new RequestInvalid($"the JSON body does not parse ({ex.Message})."));
            }

            if (body is null)
            {
                return ProblemMapper.ToProblem(new LicenseImportEmpty());
            }

            orderReference = body.OrderReference ?? orderReference;
            lines = LicenseImportParser.ParseJson(body, catalog, now);
        }
        else
        {
            return ProblemMapper.ToProblem(new LicenseImportContentTypeUnsupported(request.ContentType));
        }

        if (!lines.IsSuccess)
        {
            return ProblemMapper.ToProblem(lines.Error);
        }

        var result = await service.ImportAsync(name, orderReference, lines.Value, user.Actor(), ct);
        return ProblemMapper.ToResult(result, imported => TypedResults.Created((string?)null, imported));
    }
}
