namespace SmartLicensing.Server.Authorization;

/// <summary>What the hot path reads of a product instance to check a message: its key, UDI and certificate end, all fixed for one certificate serial.</summary>
internal sealed record DeviceIdentity(Guid Id, string Udi, byte[] PublicKey, DateTimeOffset CertificateNotAfter);
