namespace SmartLicensing.Cli.Api.Models;

/// <summary>One entitlement a product instance uses, with the count and the status the server last gave it (AUTHORIZED, OUT_OF_COMPLIANCE, ...).</summary>
internal sealed record EntitlementUsageInfo(string Tag, string? ShortTag, string? Name, int Count, string? Status);
