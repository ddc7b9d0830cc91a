using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartLicensing.Protocol.Reservation;

/// <summary>
/// The authorization code the Authority returns for a request code: 23 checked groups that hold
/// the format version, a flags byte, the request's reference, the Authority's signature and a
/// CRC-16. The signature is ECDSA P-256 with SHA-256 (64 bytes, IEEE P1363) by the Authority's
/// root CA key over the UDI, the entitlement tag, the flags and the request's public key. A
/// device checks it against the roots in its trustpool, so it needs no contact with the Authority.
/// </summary>
/// <param name="ExportAllowed">Strong encryption is enabled: the account qualifies for export-controlled functionality.</param>
/// <param name="RequestReference">The <see cref="ReservationRequestCode.Reference"/> of the request this code answers.</param>
/// <param name="Signature">The Authority's signature.</param>
public sealed record ReservationAuthorizationCode(bool ExportAllowed, byte[] RequestReference, byte[] Signature)
{
    public const byte FormatVersion = 1;

    public const string CodeName = "authorization code";

    public const int SignatureLength = 64;

    /// <summary>Version, flags, request reference, signature and CRC.</summary>
    public const int PayloadLength = 1 + 1 + ReservationRequestCode.ReferenceLength + SignatureLength + 2;

    private const byte ExportAllowedFlag = 1;

    /// <summary>
    /// Makes the code for a request. <paramref name="sign"/> returns the 64-byte P1363 ECDSA
    /// P-256 SHA-256 signature of the bytes it is given.
    /// </summary>
    public static ReservationAuthorizationCode Create(ReservationRequestCode request, string entitlementTag, bool exportAllowed, Func<byte[], byte[]> sign)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sign);
        if (!request.Requests(entitlementTag))
        {
            throw new ArgumentException($"The request does not ask for entitlement '{entitlementTag}'.", nameof(entitlementTag));
        }

        var flags = exportAllowed ? ExportAllowedFlag : (byte)0;
        var signature = sign(ReservationSignedData.Authorization(request.Udi, entitlementTag, flags, request.PublicKey));
        if (signature.Length != SignatureLength)
        {
            throw new ArgumentException($"The signature is {signature.Length} bytes; a P-256 signature in P1363 form is {SignatureLength}.", nameof(sign));
        }

        return new ReservationAuthorizationCode(exportAllowed, request.Reference, signature);
    }

    /// <summary>Whether the code was made for <paramref name="request"/> (by its reference; the signature is checked by <see cref="Verify"/>).</summary>
    public bool IsFor(ReservationRequestCode request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequestReference.AsSpan().SequenceEqual(request.Reference);
    }

    /// <summary>Checks the signature against each P-256 root; true when one of them signed this code for the request.</summary>
    public bool Verify(ReservationRequestCode request, string entitlementTag, X509Certificate2Collection trustedRoots)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(trustedRoots);

        var data = ReservationSignedData.Authorization(request.Udi, entitlementTag, Flags, request.PublicKey);
        foreach (var root in trustedRoots)
        {
            using var key = root.GetECDsaPublicKey();
            if (key is not null && key.VerifyData(data, Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The confirmation code a device prints after it installed this code.</summary>
    public ReservationConfirmationCode Confirmation => ReservationConfirmationCode.For(this);

    public string Format()
    {
        byte[] body = [FormatVersion, Flags, .. RequestReference, .. Signature];
        return ReservationCodeText.FormatTagged(KindTag, body);
    }

    public override string ToString() => Format();

    /// <summary>Reads an authorization code, or returns false with the reason (a typo names its group).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReservationAuthorizationCode? code, [NotNullWhen(false)] out ReservationCodeError? error)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new ReservationCodeError(ReservationCodeProblem.Empty, "The authorization code is empty. Copy the code the license server returned for the request.");
            return false;
        }

        if (!ReservationCodeText.TryReadTagged(text, PayloadLength, CodeName, KindTag, FormatVersion, out var payload, out error))
        {
            return false;
        }

        var referenceEnd = 2 + ReservationRequestCode.ReferenceLength;
        code = new ReservationAuthorizationCode(
            (payload[1] & ExportAllowedFlag) != 0,
            payload[2..referenceEnd],
            payload[referenceEnd..(referenceEnd + SignatureLength)]);
        return true;
    }

    public bool Equals(ReservationAuthorizationCode? other) =>
        other is not null
        && ExportAllowed == other.ExportAllowed
        && RequestReference.AsSpan().SequenceEqual(other.RequestReference)
        && Signature.AsSpan().SequenceEqual(other.Signature);

    public override int GetHashCode() => HashCode.Combine(ExportAllowed, Convert.ToHexString(Signature));

    private byte Flags => ExportAllowed ? ExportAllowedFlag : (byte)0;

    // The letter the CRC covers before the body, so that a code of another kind never checks.
    private const byte KindTag = (byte)'A';
}
