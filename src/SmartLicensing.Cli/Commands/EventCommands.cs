using System.CommandLine;
using System.Globalization;
using SmartLicensing.Cli.Api;
using SmartLicensing.Cli.Api.Models;
using SmartLicensing.Cli.Output;

namespace SmartLicensing.Cli.Commands;

/// <summary><c>smartlic event list</c>: the event log.</summary>
internal static class EventCommands
{
    public static Command Create(CliContext context)
    {
        var group = new Command("event", "Read the event log.");
        group.Subcommands.Add(ListCommand(context));
        return group;
    }

    private static Command ListCommand(CliContext context)
    {
        var virtualAccount = new Option<string?>("--virtual-account") { Description = "Only events of this virtual account. Default: all.", HelpName = "NAME" };
        var limit = WholeNumberOption.Create(
            "--limit",
            1,
            SmartLicensing.Server.Events.EventService.MaxLimit,
            "Maximum number of events, newest first. Default: the server's default.");
        var csv = new Option<bool>("--csv") { Description = "Print the events as CSV, as the server exports them." };
        var command = new Command("list", "List events: time, virtual account, actor and message.") { virtualAccount, limit, csv };

        var adminOptions = AdminAction.Configure(command, context, async (call, ct) =>
        {
            var asCsv = call.Get(csv);
            var path = ApiPaths.Events + QueryString.Build(
                ("virtualAccount", call.Get(virtualAccount)),
                ("limit", call.Get(limit)?.ToString(CultureInfo.InvariantCulture)),
                ("format", asCsv ? "csv" : null));
            var response = await call.Client.GetAsync(path, ct);
            if (asCsv)
            {
                if (response.Error is { } error)
                {
                    return call.Output.Fail(error);
                }

                call.Output.WriteLine(response.Body.TrimEnd('\r', '\n'));
                return CliApp.Success;
            }

            return call.Show<List<EventInfo>>(response, Tables.Events);
        });
        command.Validators.Add(result =>
        {
            if (result.GetValue(csv) && result.GetValue(adminOptions.Json))
            {
                result.AddError("--csv and --json cannot be used together; choose one output format.");
            }
        });
        return command;
    }
}
