namespace SmartLicensing.Cli.Commands;

/// <summary>Admin API routes, with every caller-supplied segment escaped.</summary>
internal static class ApiPaths
{
    public const string Account = "/api/v1/account";
    public const string VirtualAccounts = "/api/v1/virtual-accounts";
    public const string Licenses = "/api/v1/licenses";
    public const string Tokens = "/api/v1/tokens";
    public const string ProductInstances = "/api/v1/product-instances";
    public const string Events = "/api/v1/events";
    public const string Reservations = "/api/v1/reservations";

    public static string VirtualAccount(string name) => $"{VirtualAccounts}/{Uri.EscapeDataString(name)}";

    public static string DefaultVirtualAccount(string name) => $"{VirtualAccount(name)}/default";

    public static string VirtualAccountLicenses(string name) => $"{VirtualAccount(name)}/licenses";

    public static string VirtualAccountTokens(string name) => $"{VirtualAccount(name)}/tokens";

    public static string RevokeToken(string id) => $"{Tokens}/{Uri.EscapeDataString(id)}/revoke";

    public static string ProductInstance(string idOrUdi) => $"{ProductInstances}/{Uri.EscapeDataString(idOrUdi)}";

    public static string ReturnReservation(string idOrUdi) => $"{ProductInstance(idOrUdi)}/return";
}
