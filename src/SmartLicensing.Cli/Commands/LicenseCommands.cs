using System.CommandLine;
using System.Text;
using SmartLicensing.Cli.Api.Models;
using SmartLicensing.Cli.Output;

namespace SmartLicensing.Cli.Commands;

/// <summary><c>smartlic license import|list</c>.</summary>
internal static class LicenseCommands
{
    public static Command Create(CliContext context)
    {
        var group = new Command("license", "Import license orders and list license balances.");
        group.Subcommands.Add(ImportCommand(context));
        group.Subcommands.Add(ListCommand(context));
        return group;
    }

    private static Command ImportCommand(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Order file: CSV with the header pid,quantity,expires, or JSON with orderReference and lines." };
        var virtualAccount = new Option<string?>("--virtual-account") { Description = "Virtual account to add the licenses to. Default: the account's default virtual account.", HelpName = "NAME" };
        var command = new Command("import", "Add the licenses of an order to a virtual account.") { file, virtualAccount };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var orderFile = call.Get(file)!;
            if (!orderFile.Exists)
            {
                return call.Output.Fail($"the order file {orderFile.FullName} was not found.");
            }

            var text = await File.ReadAllTextAsync(orderFile.FullName, ct);
            var mediaType = OrderFileFormat.Detect(orderFile.Name, text);

            var accountName = call.Get(virtualAccount);
            if (string.IsNullOrWhiteSpace(accountName))
            {
                var account = await call.Client.GetAsync(ApiPaths.Account, ct);
                if (account.Error is { } accountError)
                {
                    return call.Output.Fail(accountError);
                }

                accountName = account.Read<AccountInfo>().DefaultVirtualAccount;
                if (string.IsNullOrWhiteSpace(accountName))
                {
                    return call.Output.Fail("the smart account has no default virtual account. Give --virtual-account NAME.");
                }
            }

            using var content = new StringContent(text, Encoding.UTF8, mediaType);
            var response = await call.Client.PostContentAsync(ApiPaths.VirtualAccountLicenses(accountName), content, ct);
            if (response.Error is { } error)
            {
                return call.Output.Fail(error);
            }

            if (call.Json)
            {
                call.Output.WriteJson(string.IsNullOrWhiteSpace(response.Body) ? "{}" : response.Body);
                return CliApp.Success;
            }

            call.Output.WriteLine($"Imported {orderFile.Name} into virtual account '{accountName}'.");
            var licenses = await call.Client.GetAsync(ApiPaths.Licenses + Api.QueryString.Build(("virtualAccount", accountName)), ct);
            return call.Show<List<LicenseInfo>>(licenses, Tables.Licenses);
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var virtualAccount = new Option<string?>("--virtual-account") { Description = "Only this virtual account. Default: all virtual accounts.", HelpName = "NAME" };
        var command = new Command("list", "List purchased, in-use and available licenses.") { virtualAccount };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var path = ApiPaths.Licenses + Api.QueryString.Build(("virtualAccount", call.Get(virtualAccount)));
            var response = await call.Client.GetAsync(path, ct);
            return call.Show<List<LicenseInfo>>(response, Tables.Licenses);
        });
        return command;
    }
}
