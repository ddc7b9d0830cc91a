namespace SmartLicensing.Server.Authorization;

/// <summary>What the hot path reads of a product instance to check a message: its key, UDI and certificate dates.</summary>
internal sealed record DeviceIdentity(Guid Id, int VirtualAccountId, string Udi, byte[] PublicKey, DateTimeOffset CertificateNotAfter);
