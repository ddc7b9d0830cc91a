using System.CommandLine;
using SmartLicensing.Asa;

namespace SmartLicensing.Cli.Hosting;

/// <summary><c>smartlic asa</c>: opens the console of an emulated ASAv; reads a script when stdin is redirected.</summary>
internal static class AsaCommand
{
    public const string DefaultDataDirectory = "./asa-data";

    public static readonly string[] Models = ["ASAv5", "ASAv10", "ASAv30", "ASAv50"];

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var data = new Option<string>("--data")
        {
            Description = "Folder for the device's serial number, startup-config, licensing state and trustpool; created when missing.",
            HelpName = "DIR",
            DefaultValueFactory = _ => DefaultDataDirectory,
        };
        var model = new Option<string?>("--model")
        {
            Description = "ASAv model. Default: the model that matches --vcpus and --memory.",
            HelpName = "MODEL",
        };
        model.AcceptOnlyFromAmong(Models);
        var vcpus = new Option<int?>("--vcpus") { Description = "Number of virtual CPUs of the virtual machine.", HelpName = "N" };
        vcpus.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--vcpus must be 1 or more.");
            }
        });
        var memory = new Option<string?>("--memory") { Description = "Memory of the virtual machine with a unit, for example 2GB or 2048MB.", HelpName = "SIZE" };
        var trustpool = new Option<string?>("--trustpool")
        {
            Description = "PEM file with the root certificates the device trusts, for example the ca.pem of 'smartlic authority'.",
            HelpName = "FILE",
        };
        var command = new Command("asa", "Open the console of an emulated ASAv.") { data, model, vcpus, memory, trustpool };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var trustpoolFile = parseResult.GetValue(trustpool);
            if (trustpoolFile is not null && !File.Exists(trustpoolFile))
            {
                await context.Error.WriteLineAsync($"error: the trustpool file {Path.GetFullPath(trustpoolFile)} was not found.");
                return CliApp.Failure;
            }

            var options = new AsaOptions
            {
                DataDirectory = Path.GetFullPath(parseResult.GetValue(data)!),
                Model = parseResult.GetValue(model),
                Vcpus = parseResult.GetValue(vcpus),
                Memory = parseResult.GetValue(memory),
                TrustpoolFile = trustpoolFile is null ? null : Path.GetFullPath(trustpoolFile),
            };
            return await AsaConsole.RunAsync(options, context.Input, context.Output, !context.InputRedirected, context.Time, cancellationToken);
        });
        return command;
    }
}
