namespace SmartLicensing.Asa.Cli;

/// <summary>ASA command modes, each with its own prompt.</summary>
internal enum CliMode
{
    UserExec,
    PrivilegedExec,
    Config,
    SmartLicense,
    CallHome,
    CallHomeProfile,
    Interface,
    Subinterface,
    IpsecProposal,
    PolicyMap,
    PolicyMapClass,
    ClassMap,
}

internal static class CliModes
{
    /// <summary>The mode <c>exit</c> returns to, or null when <c>exit</c> ends the session.</summary>
    public static CliMode? Parent(this CliMode mode) => mode switch
    {
        CliMode.Config => CliMode.PrivilegedExec,
        CliMode.SmartLicense or CliMode.CallHome => CliMode.Config,
        CliMode.CallHomeProfile => CliMode.CallHome,
        CliMode.Interface or CliMode.Subinterface or CliMode.IpsecProposal or CliMode.PolicyMap or CliMode.ClassMap => CliMode.Config,
        CliMode.PolicyMapClass => CliMode.PolicyMap,
        _ => null,
    };

    public static string Prompt(this CliMode mode, string hostname) => mode switch
    {
        CliMode.UserExec => hostname + "> ",
        CliMode.PrivilegedExec => hostname + "# ",
        CliMode.Config => hostname + "(config)# ",
        CliMode.SmartLicense => hostname + "(config-smart-lic)# ",
        CliMode.CallHome => hostname + "(cfg-call-home)# ",
        CliMode.CallHomeProfile => hostname + "(cfg-call-home-profile)# ",
        CliMode.Interface => hostname + "(config-if)# ",
        CliMode.Subinterface => hostname + "(config-subif)# ",
        CliMode.IpsecProposal => hostname + "(config-ipsec-proposal)# ",
        CliMode.PolicyMap => hostname + "(config-pmap)# ",
        CliMode.PolicyMapClass => hostname + "(config-pmap-c)# ",
        CliMode.ClassMap => hostname + "(config-cmap)# ",
        _ => hostname + "# ",
    };
}
