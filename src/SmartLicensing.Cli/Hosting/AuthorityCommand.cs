using System.CommandLine;
using SmartLicensing.Server.Hosting;

namespace SmartLicensing.Cli.Hosting;

/// <summary><c>smartlic authority</c>: runs the License Authority server until Ctrl+C.</summary>
internal static class AuthorityCommand
{
    /// <summary>Environment variable with the PostgreSQL connection string, used when --database is not given.</summary>
    public const string DatabaseVariable = "SMARTLIC_DATABASE";

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var data = new Option<string>("--data")
        {
            Description = "Folder for the database, CA, keys and admin.env; created when missing.",
            HelpName = "DIR",
            DefaultValueFactory = _ => AuthorityOptions.DefaultDataDirectory,
        };
        var listen = new Option<string>("--listen")
        {
            Description = "HTTPS URL to listen on; port 0 picks a free port.",
            HelpName = "URL",
            DefaultValueFactory = _ => AuthorityOptions.DefaultListen,
        };
        var accountName = new Option<string?>("--account-name")
        {
            Description = $"Name of the smart account, used when the data folder is new. Default: {AuthorityOptions.DefaultAccountName}.",
            HelpName = "NAME",
        };
        var labClock = new Option<bool>("--lab-clock")
        {
            Description = "Run on a lab clock that 'smartlic clock set|advance' moves forward (kept in the data folder). For labs and tests.",
        };
        var catalog = new Option<string?>("--catalog")
        {
            Description = "Product catalog file (JSON) with your entitlements and license PIDs. Default: the built-in ASA catalog.",
            HelpName = "FILE",
        };
        var database = new Option<string?>("--database")
        {
            Description = $"PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...). Default: the SQLite file in the data folder. Also read from {DatabaseVariable}, which keeps the password off the command line.",
            HelpName = "CONNECTION-STRING",
        };
        var command = new Command("authority", "Run the License Authority: Admin API and device endpoint.") { data, listen, accountName, labClock, catalog, database };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new AuthorityOptions
            {
                DataDirectory = Path.GetFullPath(parseResult.GetValue(data)!),
                Listen = parseResult.GetValue(listen)!,
                AccountName = parseResult.GetValue(accountName) ?? AuthorityOptions.DefaultAccountName,
                LabClock = parseResult.GetValue(labClock),
                CatalogFile = parseResult.GetValue(catalog),
                Database = parseResult.GetValue(database) ?? NullIfBlank(Environment.GetEnvironmentVariable(DatabaseVariable)),
            };
            return AuthorityHost.RunAsync(options, context.Output, context.Error, cancellationToken);
        });
        return command;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
