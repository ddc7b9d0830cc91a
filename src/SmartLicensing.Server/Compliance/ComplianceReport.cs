namespace SmartLicensing.Server.Compliance;

/// <summary>What one run of the compliance checks changed.</summary>
public sealed record ComplianceReport(int LicensesExpired, int InstancesRemoved, int ActiveConditions);
