using Microsoft.Extensions.Logging;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Server.Authorization;
using SmartLicensing.Server.DeviceEndpoint;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Tokens;

namespace SmartLicensing.Server.Registration;

/// <summary>
/// The registration hot path for a device that registers for the first time with a valid token.
/// It takes one prepared read for the token and its accounts, issues the ID certificate, and has
/// the group committer write the new instance, the token use and the event entry. Every other case
/// (a forced re-registration, a token problem, a UDI already registered) goes to
/// <see cref="DeviceRegistrar"/>, which reports the reason.
/// </summary>
internal sealed class HotPathRegistrar(
    HotPathReader reader,
    HotPathDatabase database,
    ServerCredentials credentials,
    GroupCommitter committer,
    ILogger<HotPathRegistrar> logger)
{
    private static readonly HotPathQuery TokenWithAccounts = new(
        """
        SELECT t."VirtualAccountId", t."ExpiresAt", t."MaxUses", t."Uses", t."ExportControlled", t."TokenHash", t."RevokedAt",
            v."Name", s."Name", s."ExportControlledQualified"
        FROM "RegistrationTokens" t
        JOIN "VirtualAccounts" v ON v."Id" = t."VirtualAccountId"
        JOIN "SmartAccounts" s ON s."Id" = v."SmartAccountId"
        WHERE t."Id" = @id
        """,
        "@id");

    /// <summary>Registers a new device, or returns null, having stored nothing, so that the general path handles the request.</summary>
    public async Task<DeviceResult?> RegisterAsync(DeviceMessage message, RegisterRequest request, CancellationToken cancellationToken)
    {
        if (request.Force
            || DeviceRegistrar.ReadHeaderKey(message) is not { } publicKey
            || !message.Jws.Verify(publicKey)
            || RegistrationTokenValidator.ReadTokenId(credentials, request.Token) is not { } tokenId)
        {
            return null;
        }

        var token = await reader.ReadFirstAsync(TokenWithAccounts, [database.Value(tokenId)], row => new TokenWithAccountNames(
            new RegistrationTokenRecord
            {
                Id = tokenId,
                VirtualAccountId = row.GetInt32(0),
                ExpiresAt = database.ReadTime(row, 1),
                MaxUses = row.IsDBNull(2) ? null : row.GetInt32(2),
                Uses = row.GetInt32(3),
                ExportControlled = row.GetBoolean(4),
                TokenHash = (byte[])row.GetValue(5),
                RevokedAt = row.IsDBNull(6) ? null : database.ReadTime(row, 6),
                DisplayPrefix = "",
                CreatedBy = "",
            },
            row.GetString(7),
            row.GetString(8),
            row.GetBoolean(9)), cancellationToken);
        var now = message.ReceivedAt;
        if (token is null || RegistrationTokenValidator.Evaluate(token.Record, request.Token!, now).Failure is not null)
        {
            return null;
        }

        var certificate = credentials.IssueIdCertificate(message.Udi, publicKey, now);
        var instance = NewInstance(message, request, publicKey, certificate, token.Record, token.SmartAccountQualified, now);
        var response = Answer(request, now, certificate, token.SmartAccountName, token.VirtualAccountName, instance.ExportControlledAllowed);
        var result = await DeviceRegistrar.AddNewAsync(committer, new NewRegistration(instance, tokenId, RegisteredNote(message.UdiText, tokenId)), response);
        if (result is not null)
        {
            DeviceEndpointLog.Registered(logger, message.UdiText, instance.VirtualAccountId, certificate.Serial);
        }

        return result;
    }

    /// <summary>A product instance for a device registering for the first time.</summary>
    public static ProductInstance NewInstance(
        DeviceMessage message,
        RegisterRequest request,
        byte[] publicKey,
        IssuedIdCertificate certificate,
        RegistrationTokenRecord token,
        bool smartAccountQualified,
        DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        VirtualAccountId = token.VirtualAccountId,
        Udi = message.UdiText,
        ProductId = message.Udi.ProductId,
        SerialNumber = message.Udi.SerialNumber,
        ProductName = request.ProductName,
        ProductVersion = request.ProductVersion,
        PublicKey = publicKey,
        CertificateSerial = certificate.Serial,
        CertificateNotBefore = certificate.NotBefore,
        CertificateNotAfter = certificate.NotAfter,
        RegisteredAt = now,
        LastContactAt = now,
        ExportControlledAllowed = token.ExportControlled && smartAccountQualified,
        RegisteredWithTokenId = token.Id,
        Version = Guid.NewGuid(),
    };

    public static RegisterResponse Answer(
        RegisterRequest request,
        DateTimeOffset now,
        IssuedIdCertificate certificate,
        string smartAccountName,
        string virtualAccountName,
        bool exportControlledAllowed) => new()
    {
        RequestNonce = request.Nonce,
        IssuedAt = now,
        Certificate = certificate.ToMessage(),
        SmartAccount = smartAccountName,
        VirtualAccount = virtualAccountName,
        ExportControlledAllowed = exportControlledAllowed,
    };

    /// <summary>The event entry of a first registration; the token is named by the first 8 hex digits of its ID.</summary>
    public static string RegisteredNote(string udi, Guid tokenId) => $"Product instance {udi} registered with token {TokenLabel(tokenId)}";

    public static string TokenLabel(Guid tokenId) => tokenId.ToString("N")[..8];

    private sealed record TokenWithAccountNames(
        RegistrationTokenRecord Record,
        string VirtualAccountName,
        string SmartAccountName,
        bool SmartAccountQualified);
}
