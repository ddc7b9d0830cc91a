using System.CommandLine;
using SmartLicensing.Cli.Api;
using SmartLicensing.Cli.Api.Models;
using SmartLicensing.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SmartLicensing.Cli.Commands;

/// <summary><c>smartlic device list|show|remove</c>: registered product instances.</summary>
internal static class DeviceCommands
{
    public static Command Create(CliContext context)
    {
        var group = new Command("device", "List, show and remove registered devices (product instances).");
        group.Subcommands.Add(ListCommand(context));
        group.Subcommands.Add(ShowCommand(context));
        group.Subcommands.Add(RemoveCommand(context));
        return group;
    }

    private static Command ListCommand(CliContext context)
    {
        var virtualAccount = new Option<string?>("--virtual-account") { Description = "Only devices of this virtual account. Default: all.", HelpName = "NAME" };
        var command = new Command("list", "List registered devices.") { virtualAccount };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var path = ApiPaths.ProductInstances + QueryString.Build(("virtualAccount", call.Get(virtualAccount)));
            var response = await call.Client.GetAsync(path, ct);
            return call.Show<List<ProductInstanceInfo>>(response, Tables.ProductInstances);
        });
        return command;
    }

    private static Command ShowCommand(CliContext context)
    {
        var device = new Argument<string>("UDI-OR-ID") { Description = "UDI (PID:<pid>,SN:<serial>) or ID of the product instance." };
        var command = new Command("show", "Show one device and the licenses it uses.") { device };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var response = await call.Client.GetAsync(ApiPaths.ProductInstance(call.Get(device)!), ct);
            return call.Show<ProductInstanceInfo>(response, Details);
        });
        return command;
    }

    private static Command RemoveCommand(CliContext context)
    {
        var device = new Argument<string>("UDI-OR-ID") { Description = "UDI (PID:<pid>,SN:<serial>) or ID of the product instance." };
        var returnCode = new Option<string?>("--return-code")
        {
            Description = "For a device with a reserved license: the return code it printed for 'license smart reservation return'; the license goes back to the pool.",
            HelpName = "CODE",
        };
        var command = new Command("remove", "Remove a device and free its licenses; the device must register again.") { device, returnCode };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            if (call.Get(returnCode) is { } code)
            {
                var returned = await call.Client.PostAsync(ApiPaths.ReturnReservation(call.Get(device)!), new { returnCode = code }, ct);
                return call.Finish(returned, $"Returned the reserved license of {call.Get(device)} and removed the product instance.");
            }

            var response = await call.Client.DeleteAsync(ApiPaths.ProductInstance(call.Get(device)!), ct);
            return call.Finish(response, $"Removed product instance {call.Get(device)}.", new { removed = call.Get(device) });
        });
        return command;
    }

    private static IRenderable Details(ProductInstanceInfo instance)
    {
        var entitlements = instance.Entitlements ?? [];
        return new Rows(
            Tables.ProductInstanceDetails(instance),
            entitlements.Count == 0 ? new Text("No licenses in use.") : Tables.Entitlements(entitlements));
    }
}
