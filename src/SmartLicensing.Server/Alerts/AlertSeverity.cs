namespace SmartLicensing.Server.Alerts;

/// <summary>Alert severities as the portal shows them; the order sorts the most severe first.</summary>
public enum AlertSeverity
{
    Major,
    Minor,
    Informational,
}
