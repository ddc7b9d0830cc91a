using System.CommandLine;
using SmartLicensing.Cli.Api;
using SmartLicensing.Cli.Api.Models;
using SmartLicensing.Cli.Output;

namespace SmartLicensing.Cli.Commands;

/// <summary><c>smartlic token create|list|revoke</c>.</summary>
internal static class TokenCommands
{
    public const int MinExpiresAfterDays = 1;
    public const int MaxExpiresAfterDays = 365;

    public static Command Create(CliContext context)
    {
        var group = new Command("token", "Create, list and revoke registration tokens.");
        group.Subcommands.Add(CreateCommand(context));
        group.Subcommands.Add(ListCommand(context));
        group.Subcommands.Add(RevokeCommand(context));
        return group;
    }

    private static Command CreateCommand(CliContext context)
    {
        var virtualAccount = new Option<string>("--virtual-account") { Description = "Virtual account that devices registered with the token join.", HelpName = "NAME", Required = true };
        var description = new Option<string?>("--description") { Description = "Free text shown in the token list.", HelpName = "TEXT" };
        var expiresAfter = WholeNumberOption.Create(
            "--expires-after",
            MinExpiresAfterDays,
            MaxExpiresAfterDays,
            $"Days until the token expires, {MinExpiresAfterDays} to {MaxExpiresAfterDays}. Default: the server's default (30).",
            "DAYS",
            "days");
        var maxUses = WholeNumberOption.Create("--max-uses", 1, int.MaxValue, "Maximum number of registrations with the token. Default: no limit.");
        var noExportControlled = new Option<bool>("--no-export-controlled") { Description = "Do not allow export-controlled functionality on devices registered with the token." };
        var command = new Command("create", "Create a registration token and print it (only the token text, so that TOKEN=$(smartlic token create ...) works).")
        {
            virtualAccount, description, expiresAfter, maxUses, noExportControlled,
        };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var request = new
            {
                description = call.Get(description),
                expiresAfterDays = call.Get(expiresAfter),
                maxUses = call.Get(maxUses),
                exportControlled = !call.Get(noExportControlled),
            };
            var response = await call.Client.PostAsync(ApiPaths.VirtualAccountTokens(call.Get(virtualAccount)!), request, ct);
            if (response.Error is { } error)
            {
                return call.Output.Fail(error);
            }

            if (call.Json)
            {
                call.Output.WriteJson(response.Body);
                return CliApp.Success;
            }

            var token = response.Read<TokenInfo>().Token;
            if (string.IsNullOrEmpty(token))
            {
                return call.Output.Fail("the license server created the token but returned no token text.");
            }

            call.Output.WriteLine(token);
            return CliApp.Success;
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var virtualAccount = new Option<string?>("--virtual-account") { Description = "Only tokens of this virtual account. Default: all.", HelpName = "NAME" };
        var command = new Command("list", "List registration tokens.") { virtualAccount };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var path = ApiPaths.Tokens + QueryString.Build(("virtualAccount", call.Get(virtualAccount)));
            var response = await call.Client.GetAsync(path, ct);
            var now = call.Time.GetUtcNow();
            return call.Show<List<TokenInfo>>(response, tokens => Tables.Tokens(tokens, now));
        });
        return command;
    }

    private static Command RevokeCommand(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "ID of the token, as 'smartlic token list' shows it." };
        var command = new Command("revoke", "Revoke a registration token; devices already registered with it stay registered.") { id };

        AdminAction.Configure(command, context, async (call, ct) =>
        {
            var response = await call.Client.PostAsync(ApiPaths.RevokeToken(call.Get(id)!), null, ct);
            return call.Finish(response, $"Revoked token {call.Get(id)}.");
        });
        return command;
    }
}
