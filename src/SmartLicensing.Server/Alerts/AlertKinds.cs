namespace SmartLicensing.Server.Alerts;

/// <summary>Values of <see cref="AlertRecord.Kind"/>, worded as the alert table shows them.</summary>
public static class AlertKinds
{
    public const string InsufficientLicenses = "Insufficient Licenses";
    public const string FailedToConnect = "Product Instance Failed to Connect";
    public const string FailedToRenewAndRemoved = "Product Instance Failed to Renew and was Removed";
    public const string LicensesExpiring = "Licenses Expiring";
    public const string LicensesExpired = "Licenses Expired";
}
