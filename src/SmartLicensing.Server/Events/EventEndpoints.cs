using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Events;

/// <summary>Admin API route of the event log, as JSON or CSV.</summary>
public static class EventEndpoints
{
    public const string CsvMediaType = "text/csv";

    public static void MapEventEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapGet("/events", async (string? virtualAccount, int? limit, string? format, HttpRequest request, EventService service, CancellationToken ct) =>
            {
                var result = await service.ListAsync(virtualAccount, limit, ct);
                if (!result.IsSuccess)
                {
                    return ProblemMapper.ToProblem(result.Error);
                }

                return WantsCsv(request, format)
                    ? (IResult)TypedResults.Text(EventCsv.Write(result.Value), "text/csv; charset=utf-8")
                    : TypedResults.Ok(result.Value);
            })
            .WithName("ListEvents")
            .WithTags("Events")
            .Produces<IReadOnlyList<EventView>>()
            .Produces<string>(StatusCodes.Status200OK, CsvMediaType);
    }

    private static bool WantsCsv(HttpRequest request, string? format)
    {
        if (format is not null)
        {
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        }

        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase));
    }
}
