using SmartLicensing.Protocol.Identity;

namespace SmartLicensing.Protocol.Reservation;

/// <summary>
/// The bytes each reservation signature covers. The codes carry only the signature, because both
/// sides rebuild these bytes from the UDI, the entitlement tag and the request key. That keeps the
/// typed codes short and binds each signature to one device and request.
/// </summary>
internal static class ReservationSignedData
{
    public static byte[] Authorization(Udi udi, string entitlementTag, byte flags, ReadOnlySpan<byte> requestPublicKey) =>
        Build($"SmartLicensing reservation authorization 1\n{udi}\n{entitlementTag}\n", [flags, .. requestPublicKey]);

    public static byte[] Return(Udi udi, string entitlementTag, ReadOnlySpan<byte> authorizationSignature) =>
        Build($"SmartLicensing reservation return 1\n{udi}\n{entitlementTag}\n", authorizationSignature);

    public static byte[] Confirmation(ReadOnlySpan<byte> authorizationSignature) =>
        Build("SmartLicensing reservation confirmation 1\n", authorizationSignature);

    private static byte[] Build(string text, ReadOnlySpan<byte> tail) => [.. System.Text.Encoding.UTF8.GetBytes(text), .. tail];
}
