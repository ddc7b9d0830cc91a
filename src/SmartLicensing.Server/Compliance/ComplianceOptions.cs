namespace SmartLicensing.Server.Compliance;

/// <summary>How often the compliance checks run on the node that holds the background-jobs lease.</summary>
public sealed record ComplianceOptions
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);
}
