namespace SmartLicensing.Cli.Api.Models;

/// <summary>
/// A registration token. <c>Token</c> holds the full text only in the answer to its creation;
/// lists carry <c>TokenPrefix</c>, the leading characters. <c>Status</c> is ACTIVE, EXPIRED,
/// REVOKED or USED UP.
/// </summary>
internal sealed record TokenInfo(
    Guid Id,
    string? Token,
    string? TokenPrefix,
    string? VirtualAccount,
    string? Description,
    DateTimeOffset? CreatedAt,
    DateTimeOffset ExpiresAt,
    int Uses,
    int? MaxUses,
    bool ExportControlled,
    string? CreatedBy,
    string? Status);
