namespace SmartLicensing.Cli.Connection;

/// <summary>Names of the environment variables the admin commands read, and of the keys in admin.env.</summary>
internal static class EnvironmentVariables
{
    public const string Server = "SMARTLIC_SERVER";
    public const string ApiKey = "SMARTLIC_API_KEY";
    public const string CaFile = "SMARTLIC_CA_FILE";
}
