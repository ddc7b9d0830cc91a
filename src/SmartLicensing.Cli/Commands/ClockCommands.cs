using System.CommandLine;
using SmartLicensing.Cli.Api;
using SmartLicensing.Cli.Output;

namespace SmartLicensing.Cli.Commands;

/// <summary>
/// <c>smartlic clock show|set|advance</c>: the lab clock of a server started with
/// <c>smartlic authority --lab-clock</c>. The server checks the values and refuses to move back.
/// </summary>
internal static class ClockCommands
{
    public const string Path = "/api/v1/clock";

    public static Command Create(CliContext context)
    {
        var group = new Command("clock", "Show or move the lab clock of a server started with --lab-clock.");
        group.Subcommands.Add(ShowCommand(context));
        group.Subcommands.Add(SetCommand(context));
        group.Subcommands.Add(AdvanceCommand(context));
        return group;
    }

    private static Command ShowCommand(CliContext context)
    {
        var command = new Command("show", "Show the server's time and how far the lab clock is ahead of the system clock.");
        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var response = await call.Client.GetAsync(Path, ct);
            return Print(call, response);
        });
        return command;
    }

    private static Command SetCommand(CliContext context)
    {
        var time = new Argument<string>("TIME") { Description = "New server time: ISO 8601 (2027-03-01T08:00:00Z) or yyyy-MM-dd[THH:mm[:ss]] in UTC; not before the current time." };
        var command = new Command("set", "Move the lab clock forward to a time.") { time };
        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var response = await call.Client.PostAsync(Path + "/set", new { time = call.Get(time) }, ct);
            return Print(call, response);
        });
        return command;
    }

    private static Command AdvanceCommand(CliContext context)
    {
        var duration = new Argument<string>("DURATION") { Description = "How far to move forward: 91d, 12h, 30m, 90s, combined as 1d12h, or ISO 8601 such as P91D." };
        var command = new Command("advance", "Move the lab clock forward by a duration.") { duration };
        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var response = await call.Client.PostAsync(Path + "/advance", new { duration = call.Get(duration) }, ct);
            return Print(call, response);
        });
        return command;
    }

    private static int Print(AdminCall call, ApiResponse response)
    {
        if (response.Error is { } error)
        {
            return call.Output.Fail(error);
        }

        if (call.Json)
        {
            call.Output.WriteJson(response.Body);
            return CliApp.Success;
        }

        var clock = response.Read<ClockInfo>();
        if (clock.Previous is { } previous)
        {
            call.Output.WriteLine($"Lab clock moved from {DisplayFormat.Time(previous)} to {DisplayFormat.Time(clock.Now)}.");
        }

        call.Output.WriteLine($"Server time: {DisplayFormat.Time(clock.Now)} (lab clock, {clock.Offset} ahead of the system clock)");
        return CliApp.Success;
    }

    private sealed record ClockInfo(DateTimeOffset Now, long OffsetSeconds, string Offset, DateTimeOffset? Previous);
}
