using System.Diagnostics.CodeAnalysis;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Protocol.Reservation;

/// <summary>
/// The return code a device prints when it gives a reserved license back: 23 checked groups that
/// hold the format version, the request's reference, an Ed25519 signature by the reservation key
/// the device made for the request, and a CRC-16. The signature covers the UDI, the entitlement
/// tag and the authorization's signature, so only the device that installed that authorization
/// can make it, and it fits no other reservation.
/// </summary>
/// <param name="RequestReference">The <see cref="ReservationRequestCode.Reference"/> of the request the license was reserved for.</param>
/// <param name="Signature">The device's Ed25519 signature.</param>
public sealed record ReservationReturnCode(byte[] RequestReference, byte[] Signature)
{
    public const byte FormatVersion = 1;

    public const string CodeName = "return code";

    /// <summary>Version, request reference, signature and CRC.</summary>
    public const int PayloadLength = 1 + ReservationRequestCode.ReferenceLength + Ed25519Keys.SignatureSize + 2;

    /// <summary>Signs the return of <paramref name="authorization"/> with the request's key.</summary>
    public static ReservationReturnCode Create(ReservationRequestCode request, string entitlementTag, ReservationAuthorizationCode authorization, Ed25519SigningKey requestKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(requestKey);
        if (!requestKey.PublicKey.AsSpan().SequenceEqual(request.PublicKey))
        {
            throw new ArgumentException("The key is not the key of the request.", nameof(requestKey));
        }

        var signature = requestKey.Sign(ReservationSignedData.Return(request.Udi, entitlementTag, authorization.Signature));
        return new ReservationReturnCode(request.Reference, signature);
    }

    /// <summary>Whether the code names <paramref name="request"/> (by its reference; the signature is checked by <see cref="Verify"/>).</summary>
    public bool IsFor(ReservationRequestCode request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequestReference.AsSpan().SequenceEqual(request.Reference);
    }

    /// <summary>Whether the request's key signed the return of <paramref name="authorization"/>.</summary>
    public bool Verify(ReservationRequestCode request, string entitlementTag, ReservationAuthorizationCode authorization)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(authorization);
        return Ed25519Keys.Verify(request.PublicKey, ReservationSignedData.Return(request.Udi, entitlementTag, authorization.Signature), Signature);
    }

    public string Format()
    {
        byte[] body = [FormatVersion, .. RequestReference, .. Signature];
        return ReservationCodeText.FormatTagged(KindTag, body);
    }

    public override string ToString() => Format();

    /// <summary>Reads a return code, or returns false with the reason (a typo names its group).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReservationReturnCode? code, [NotNullWhen(false)] out ReservationCodeError? error)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new ReservationCodeError(ReservationCodeProblem.Empty, "The return code is empty. Copy the code the device printed for 'license smart reservation return'.");
            return false;
        }

        if (!ReservationCodeText.TryReadTagged(text, PayloadLength, CodeName, KindTag, FormatVersion, out var payload, out error))
        {
            return false;
        }

        var referenceEnd = 1 + ReservationRequestCode.ReferenceLength;
        code = new ReservationReturnCode(payload[1..referenceEnd], payload[referenceEnd..(referenceEnd + Ed25519Keys.SignatureSize)]);
        return true;
    }

    public bool Equals(ReservationReturnCode? other) =>
        other is not null
        && RequestReference.AsSpan().SequenceEqual(other.RequestReference)
        && Signature.AsSpan().SequenceEqual(other.Signature);

    public override int GetHashCode() => Convert.ToHexString(Signature).GetHashCode(StringComparison.Ordinal);

    // The letter the CRC covers before the body, so that a code of another kind never checks.
    private const byte KindTag = (byte)'R';
}
