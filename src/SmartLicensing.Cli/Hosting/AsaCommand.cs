using System.CommandLine;
using SmartLicensing.Asa;
using SmartLicensing.Cli.Commands;

namespace SmartLicensing.Cli.Hosting;

/// <summary><c>smartlic asa</c>: opens the console of an emulated ASAv; reads a script when stdin is redirected.</summary>
internal static class AsaCommand
{
    public const string DefaultDataDirectory = "./asa-data";

    /// <summary>Upper bound for --vcpus: far above any ASAv model, low enough to catch typing slips.</summary>
    public const int MaxVcpus = 128;

    public static readonly string[] Platforms = ["asav", "fpr4100", "fpr9300"];

    public static readonly string[] Hypervisors = ["kvm", "vmware", "hyperv", "aws", "azure", "gcp", "oci"];

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
            Description = "ASAv model from the catalog (built-in: ASAv5, ASAv10, ASAv30, ASAv50, ASAv100), or with --platform the Firepower model (4110, 4120, 4140, 4150) or 9300 module (SM-24, SM-36, SM-44). Default: the ASAv model that matches --vcpus and --memory.",
            HelpName = "MODEL",
        };
        var platform = new Option<string?>("--platform")
        {
            Description = "asav (default), or fpr4100 or fpr9300 for the ASA application on a Firepower chassis.",
            HelpName = "PLATFORM",
        };
        platform.AcceptOnlyFromAmong(Platforms);
        var modules = WholeNumberOption.Create("--modules", 1, 3, "Security modules in a Firepower 9300 chassis (1 to 3).");
        var vcpus = WholeNumberOption.Create("--vcpus", 1, MaxVcpus, "Number of virtual CPUs of the virtual machine.");
        var memory = new Option<string?>("--memory") { Description = "Memory of the virtual machine with a unit, for example 2GB or 2048MB.", HelpName = "SIZE" };
        var trustpool = new Option<string?>("--trustpool")
        {
            Description = "PEM file with the root certificates the device trusts, for example the ca.pem of 'smartlic authority'.",
            HelpName = "FILE",
        };
        var hypervisor = new Option<string?>("--hypervisor")
        {
            Description = "Hypervisor the ASAv runs on. Default: kvm. Permanent license reservation is not supported on azure.",
            HelpName = "NAME",
        };
        hypervisor.AcceptOnlyFromAmong(Hypervisors);
        var catalog = new Option<string?>("--catalog")
        {
            Description = "Product catalog file (JSON) with the models and entitlements; use the file the License Authority was started with. Default: the built-in ASA catalog.",
            HelpName = "FILE",
        };
        var command = new Command("asa", "Open the console of an emulated ASAv, or of the ASA application on a Firepower chassis.") { data, model, platform, modules, vcpus, memory, trustpool, hypervisor, catalog };

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
                Platform = parseResult.GetValue(platform),
                Modules = parseResult.GetValue(modules),
                Vcpus = parseResult.GetValue(vcpus),
                Memory = parseResult.GetValue(memory),
                TrustpoolFile = trustpoolFile is null ? null : Path.GetFullPath(trustpoolFile),
                Hypervisor = parseResult.GetValue(hypervisor),
                CatalogFile = parseResult.GetValue(catalog) is { } catalogFile ? Path.GetFullPath(catalogFile) : null,
            };
            return await AsaConsole.RunAsync(options, context.Input, context.Output, !context.InputRedirected, context.Time, cancellationToken);
        });
        return command;
    }
}
