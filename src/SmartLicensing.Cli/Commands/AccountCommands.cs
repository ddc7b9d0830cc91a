using System.CommandLine;
using SmartLicensing.Cli.Api.Models;
using Spectre.Console;

namespace SmartLicensing.Cli.Commands;

/// <summary><c>smartlic account show|set</c>: the smart account and its approval for permanent license reservation.</summary>
internal static class AccountCommands
{
    public static Command Create(CliContext context)
    {
        var group = new Command("account", "Show the smart account or change its settings.");
        group.Subcommands.Add(ShowCommand(context));
        group.Subcommands.Add(SetCommand(context));
        return group;
    }

    private static Command ShowCommand(CliContext context)
    {
        var command = new Command("show", "Show the smart account: name, default virtual account, export and reservation approval.");
        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var response = await call.Client.GetAsync(ApiPaths.Account, ct);
            return call.Show<AccountInfo>(response, Details);
        });
        return command;
    }

    private static Command SetCommand(CliContext context)
    {
        var enable = new Option<bool>("--reservation-enabled") { Description = "Approve the account for permanent license reservation." };
        var disable = new Option<bool>("--no-reservation-enabled") { Description = "Withdraw the approval for permanent license reservation; reserved licenses stay reserved." };
        var command = new Command("set", "Change the smart account's settings.") { enable, disable };
        command.Validators.Add(result =>
        {
            var on = result.GetValue(enable);
            var off = result.GetValue(disable);
            if (on == off)
            {
                result.AddError(on
                    ? "--reservation-enabled and --no-reservation-enabled contradict each other; give one."
                    : "nothing to change: give --reservation-enabled or --no-reservation-enabled.");
            }
        });

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var enabled = call.Get(enable);
            var response = await call.Client.PatchAsync(ApiPaths.Account, new { reservationEnabled = enabled }, ct);
            return call.Finish(response, enabled
                ? "Permanent license reservation is enabled for the smart account."
                : "Permanent license reservation is disabled for the smart account.");
        });
        return command;
    }

    private static Grid Details(AccountInfo account)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Smart account", Markup.Escape(account.Name));
        grid.AddRow("Default virtual account", Markup.Escape(account.DefaultVirtualAccount ?? "-"));
        grid.AddRow("Export-controlled functionality", account.ExportControlledQualified ? "allowed" : "not allowed");
        grid.AddRow("License reservation", account.ReservationEnabled ? "enabled" : "disabled");
        return grid;
    }
}
