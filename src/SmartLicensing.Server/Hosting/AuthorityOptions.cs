namespace SmartLicensing.Server.Hosting;

/// <summary>Settings of a License Authority server process.</summary>
public sealed class AuthorityOptions
{
    public const string DefaultDataDirectory = "./smartlic-data";
    public const string DefaultListen = "https://127.0.0.1:8443";
    public const string DefaultAccountName = "Lab Smart Account";

    /// <summary>Folder of the database, keys, certificates and admin.env; created when missing.</summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory;

    /// <summary>HTTPS address to listen on, <c>https://&lt;IP address or localhost&gt;:&lt;port&gt;</c>; port 0 picks a free port.</summary>
    public string Listen { get; init; } = DefaultListen;

    /// <summary>
    /// PostgreSQL connection string (Host, Port, Database, Username, Password, ...); null keeps the
    /// store in a SQLite file in the data folder. Several servers may share one PostgreSQL
    /// database when they also share the data folder's keys.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>Name of the smart account created at first start; later starts ignore it.</summary>
    public string AccountName { get; init; } = DefaultAccountName;

    /// <summary>
    /// Extra DNS names or IP addresses for the TLS certificate, beyond localhost, the loopback
    /// addresses and the listen address.
    /// </summary>
    public IReadOnlyList<string> ServerHostNames { get; init; } = [];

    /// <summary>
    /// Runs the server on a lab clock that <c>smartlic clock</c> moves forward; the offset is kept
    /// in the data folder. For labs and tests only: devices must have their clocks moved too.
    /// </summary>
    public bool LabClock { get; init; }

    /// <summary>
    /// Product catalog file (JSON) with the vendor's entitlements and license PIDs; null uses the
    /// built-in ASA catalog. A file that breaks a rule stops the start with the file, entry and field named.
    /// </summary>
    public string? CatalogFile { get; init; }
}
