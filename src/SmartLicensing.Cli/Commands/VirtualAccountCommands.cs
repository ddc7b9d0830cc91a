using System.CommandLine;
using SmartLicensing.Cli.Api.Models;
using SmartLicensing.Cli.Output;

namespace SmartLicensing.Cli.Commands;

/// <summary><c>smartlic virtual-account create|list|rename|delete|set-default</c>.</summary>
internal static class VirtualAccountCommands
{
    public static Command Create(CliContext context)
    {
        var group = new Command("virtual-account", "Create, list, rename and delete virtual accounts.");
        group.Subcommands.Add(CreateCommand(context));
        group.Subcommands.Add(ListCommand(context));
        group.Subcommands.Add(RenameCommand(context));
        group.Subcommands.Add(DeleteCommand(context));
        group.Subcommands.Add(SetDefaultCommand(context));
        return group;
    }

    private static Command CreateCommand(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "Name of the new virtual account." };
        var description = new Option<string?>("--description") { Description = "Free text shown in lists.", HelpName = "TEXT" };
        var command = new Command("create", "Create a virtual account.") { name, description };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var accountName = call.Get(name)!;
            var response = await call.Client.PostAsync(
                ApiPaths.VirtualAccounts,
                new { name = accountName, description = call.Get(description) },
                ct);

            // The server trims the name; echo the name it stored.
            var storedName = response.IsSuccess && !call.Json ? response.Read<VirtualAccountInfo>().Name : accountName;
            return call.Finish(response, $"Created virtual account '{storedName}'.");
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var command = new Command("list", "List the virtual accounts of the smart account.");

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var response = await call.Client.GetAsync(ApiPaths.VirtualAccounts, ct);
            return call.Show<List<VirtualAccountInfo>>(response, Tables.VirtualAccounts);
        });
        return command;
    }

    private static Command RenameCommand(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "Current name of the virtual account." };
        var newName = new Argument<string>("NEW-NAME") { Description = "New name." };
        var command = new Command("rename", "Rename a virtual account.") { name, newName };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var response = await call.Client.PatchAsync(ApiPaths.VirtualAccount(call.Get(name)!), new { name = call.Get(newName) }, ct);
            return call.Finish(response, $"Renamed virtual account '{call.Get(name)}' to '{call.Get(newName)}'.");
        });
        return command;
    }

    private static Command DeleteCommand(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "Virtual account to delete; it must hold no licenses, no product instances and no active registration tokens." };
        var command = new Command("delete", "Delete an empty virtual account.") { name };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var response = await call.Client.DeleteAsync(ApiPaths.VirtualAccount(call.Get(name)!), ct);
            return call.Finish(response, $"Deleted virtual account '{call.Get(name)}'.", new { deleted = call.Get(name) });
        });
        return command;
    }

    private static Command SetDefaultCommand(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "Virtual account that becomes the default." };
        var command = new Command("set-default", "Make a virtual account the default one, used when a command names none.") { name };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var response = await call.Client.PostAsync(ApiPaths.DefaultVirtualAccount(call.Get(name)!), null, ct);
            return call.Finish(response, $"'{call.Get(name)}' is now the default virtual account.");
        });
        return command;
    }
}
