using SmartLicensing.Server.DeviceEndpoint;
using SmartLicensing.Server.Pki;

namespace SmartLicensing.Server.Compliance;

/// <summary>The time limits the compliance checks apply.</summary>
public static class CompliancePeriods
{
    /// <summary>Days before a term license ends at which a Licenses Expiring alert is raised.</summary>
    public static readonly IReadOnlyList<int> ExpiringWarningDays = [90, 60, 30, 14, 7, 3, 1];

    /// <summary>
    /// A product instance that has not called in for this long failed to connect: its 30-day
    /// renewal plus one day, the longest retry delay of the Agent.
    /// </summary>
    public static readonly TimeSpan FailedToConnectAfter = DeviceMessageRules.AuthorizationRenewAfter + TimeSpan.FromDays(1);

    /// <summary>
    /// The maximum renewal period: the lifetime of an ID certificate. A product instance without
    /// contact for this long can no longer renew and is removed.
    /// </summary>
    public static readonly TimeSpan MaxRenewalPeriod = CertificateProfiles.IdCertificateValidity;

    /// <summary>The warning threshold reached <paramref name="remaining"/> before the end of a term, or null when more than 90 days remain.</summary>
    public static int? ExpiringThreshold(TimeSpan remaining)
    {
        int? reached = null;
        foreach (var days in ExpiringWarningDays)
        {
            if (remaining <= TimeSpan.FromDays(days))
            {
                reached = days;
            }
        }

        return reached;
    }
}
