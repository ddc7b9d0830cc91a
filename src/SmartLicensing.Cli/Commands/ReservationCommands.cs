using System.CommandLine;
using SmartLicensing.Cli.Api.Models;

namespace SmartLicensing.Cli.Commands;

/// <summary><c>smartlic reservation reserve</c>: permanent license reservation for a device's request code.</summary>
internal static class ReservationCommands
{
    public static Command Create(CliContext context)
    {
        var group = new Command("reservation", "Reserve permanent licenses for devices that never reach the license server.");
        group.Subcommands.Add(ReserveCommand(context));
        return group;
    }

    private static Command ReserveCommand(CliContext context)
    {
        var code = new Argument<string>("REQUEST-CODE") { Description = "The request code the device printed for 'license smart reservation request universal'." };
        var virtualAccount = new Option<string?>("--virtual-account") { Description = "Virtual account to reserve from. Default: the default virtual account.", HelpName = "NAME" };
        var command = new Command(
            "reserve",
            "Reserve a license for a request code and print the authorization code (only the code, so that CODE=$(smartlic reservation reserve ...) works). Entering the same request code again prints the same code and takes no second license.")
        {
            code,
            virtualAccount,
        };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var response = await call.Client.PostAsync(ApiPaths.Reservations, new { requestCode = call.Get(code), virtualAccount = call.Get(virtualAccount) }, ct);
            if (response.Error is { } error)
            {
                return call.Output.Fail(error);
            }

            if (call.Json)
            {
                call.Output.WriteJson(response.Body);
                return CliApp.Success;
            }

            call.Output.WriteLine(response.Read<ReservationInfo>().AuthorizationCode);
            return CliApp.Success;
        });
        return command;
    }
}
