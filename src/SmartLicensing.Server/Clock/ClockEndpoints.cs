using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Compliance;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Clock;

/// <summary>
/// Admin API routes of the lab clock. On a server started without the lab clock, every route
/// returns <see cref="LabClockDisabled"/>. A move runs the compliance checks at once, so expiries
/// and alerts that fall in the skipped time are in place when the call returns.
/// </summary>
public static class ClockEndpoints
{
    /// <summary>Event log category of clock moves.</summary>
    public const string EventCategory = "clock";

    public static void MapClockEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapGet("/clock", (IServiceProvider services) =>
                services.GetService<LabClock>() is { } clock
                    ? (IResult)TypedResults.Ok(View(clock, null))
                    : ProblemMapper.ToProblem(new LabClockDisabled()))
            .WithName("ShowClock")
            .WithTags("Clock")
            .Produces<ClockView>();

        api.MapPost("/clock/set", (ClockSetRequest? body, IServiceProvider services, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (services.GetService<LabClock>() is not { } clock)
                {
                    return Task.FromResult(ProblemMapper.ToProblem(new LabClockDisabled()) as IResult);
                }

                return ClockText.TryParseTime(body?.Time, out var target)
                    ? MoveAsync(clock, c => c.Set(target), services, user, ct)
                    : Task.FromResult(ProblemMapper.ToProblem(new ClockTimeInvalid(body?.Time)) as IResult);
            })
            .WithName("SetClock")
            .WithTags("Clock")
            .Produces<ClockView>();

        api.MapPost("/clock/advance", (ClockAdvanceRequest? body, IServiceProvider services, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (services.GetService<LabClock>() is not { } clock)
                {
                    return Task.FromResult(ProblemMapper.ToProblem(new LabClockDisabled()) as IResult);
                }

                if (string.IsNullOrWhiteSpace(body?.Duration))
                {
                    return Task.FromResult(ProblemMapper.ToProblem(new ClockDurationMissing()) as IResult);
                }

                if (!ClockText.TryParseDuration(body.Duration, out var duration))
                {
                    return Task.FromResult(ProblemMapper.ToProblem(new ClockDurationInvalid(body?.Duration, "it does not parse.")) as IResult);
                }

                if (duration > LabClock.MaxMove)
                {
                    return Task.FromResult(ProblemMapper.ToProblem(new ClockDurationInvalid(body?.Duration,
                        $"it is longer than the {LabClock.MaxMove.Days} days a lab clock may move.")) as IResult);
                }

                return MoveAsync(clock, c => c.Advance(duration), services, user, ct);
            })
            .WithName("AdvanceClock")
            .WithTags("Clock")
            .Produces<ClockView>();
    }

    private static async Task<IResult> MoveAsync(LabClock clock, Func<LabClock, ClockMove> move, IServiceProvider services, ClaimsPrincipal user, CancellationToken ct)
    {
        var moved = move(clock);
        if (moved.Error is not null)
        {
            return ProblemMapper.ToProblem(moved.Error);
        }

        var db = services.GetRequiredService<LicensingDbContext>();
        EventLog.Add(db, moved.After, null, user.Actor(), EventCategory,
            $"Lab clock moved from {ClockText.Time(moved.Before)} to {ClockText.Time(moved.After)} ({ClockText.Duration(moved.After - moved.Before)} forward).");
        await db.SaveChangesAsync(ct);
        ClockLog.Moved(services.GetRequiredService<ILogger<LabClock>>(), moved.Before, moved.After);

        await services.GetRequiredService<ComplianceRunner>().RunAsync(services, ct);
        return TypedResults.Ok(View(clock, moved.Before));
    }

    private static ClockView View(LabClock clock, DateTimeOffset? previous)
    {
        // Rounded to the second from the kept offset, so 91d shows as 91 days, not 90 days 23:59:59.
        var offset = TimeSpan.FromSeconds(Math.Round(clock.Offset.TotalSeconds, MidpointRounding.AwayFromZero));
        return new ClockView(clock.GetUtcNow(), (long)offset.TotalSeconds, ClockText.Duration(offset), previous);
    }
}
