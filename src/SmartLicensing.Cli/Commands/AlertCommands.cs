using System.CommandLine;
using SmartLicensing.Cli.Api;
using SmartLicensing.Cli.Output;
using Spectre.Console;

namespace SmartLicensing.Cli.Commands;

/// <summary><c>smartlic alert list</c>: alerts of the smart account and its virtual accounts.</summary>
internal static class AlertCommands
{
    public const string Path = "/api/v1/alerts";

    public static Command Create(CliContext context)
    {
        var group = new Command("alert", "Read alerts: insufficient, expiring and expired licenses, devices that stopped calling in.");
        group.Subcommands.Add(ListCommand(context));
        return group;
    }

    private static Command ListCommand(CliContext context)
    {
        var virtualAccount = new Option<string?>("--virtual-account") { Description = "Only alerts of this virtual account. Default: all.", HelpName = "NAME" };
        var all = new Option<bool>("--all") { Description = "Include alerts whose condition has ended." };
        var command = new Command("list", "List active alerts: severity, alert, message, source and action due.") { virtualAccount, all };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var path = Path + QueryString.Build(("virtualAccount", call.Get(virtualAccount)), ("all", call.Get(all) ? "true" : null));
            var response = await call.Client.GetAsync(path, ct);
            if (response.Error is null && !call.Json && response.Read<List<AlertInfo>>().Count == 0)
            {
                call.Output.WriteLine(call.Get(all) ? "No alerts." : "No active alerts.");
                return CliApp.Success;
            }

            return call.Show<List<AlertInfo>>(response, Render);
        });
        return command;
    }

    private static Table Render(List<AlertInfo> alerts)
    {
        var table = TableBuilder.Create("Severity", "Alert", "Message", "Source", "Action Due", "Raised", "Cleared");
        foreach (var alert in alerts)
        {
            TableBuilder.AddRow(table,
                alert.Severity,
                alert.Kind,
                alert.Message,
                alert.Source,
                DisplayFormat.Date(alert.ActionDue),
                DisplayFormat.Time(alert.RaisedAt),
                alert.ClearedAt is null ? "active" : DisplayFormat.Time(alert.ClearedAt));
        }

        return table;
    }

    private sealed record AlertInfo(
        long Id,
        string Severity,
        string Kind,
        string Message,
        string Source,
        string VirtualAccount,
        DateTimeOffset RaisedAt,
        DateTimeOffset ActionDue,
        DateTimeOffset? ClearedAt);
}
