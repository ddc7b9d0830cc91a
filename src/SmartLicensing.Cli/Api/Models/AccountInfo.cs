namespace SmartLicensing.Cli.Api.Models;

/// <summary>The smart account as GET /api/v1/account returns it.</summary>
internal sealed record AccountInfo(string Name, string? DefaultVirtualAccount, bool ExportControlledQualified = false, bool ReservationEnabled = false);
