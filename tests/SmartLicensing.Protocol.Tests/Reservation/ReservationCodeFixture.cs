using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Protocol.Identity;
using SmartLicensing.Protocol.Reservation;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Protocol.Tests.Reservation;

/// <summary>A root CA, a device and a completed reservation, made once per test class.</summary>
public sealed class ReservationCodeFixture : IDisposable
{
    public const string Tag = "regid.2016-02.com.cisco.ASAv-UNIVERSAL-V10,1.0_75d406f9-73ae-4a3d-96a4-251c502582ed";

    public ReservationCodeFixture()
    {
        RootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Root = CreateRoot(RootKey, "CN=Reservation Test Root");
        OtherRootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        OtherRoot = CreateRoot(OtherRootKey, "CN=Other Root");
        DeviceKey = Ed25519SigningKey.ImportPrivateKey(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        OtherDeviceKey = Ed25519SigningKey.Create();
        Request = ReservationRequestCode.Create(Udi, DeviceKey.PublicKey, Tag);
        OtherRequest = ReservationRequestCode.Create(OtherUdi, OtherDeviceKey.PublicKey, Tag);
        Authorization = ReservationAuthorizationCode.Create(Request, Tag, exportAllowed: true, SignWithRoot);
        OtherAuthorization = ReservationAuthorizationCode.Create(OtherRequest, Tag, exportAllowed: true, SignWithRoot);
        Return = ReservationReturnCode.Create(Request, Tag, Authorization, DeviceKey);
    }

    public static Udi Udi { get; } = new("ASAv", "9AHV3KJBEKE");

    public static Udi OtherUdi { get; } = new("ASAv", "9ZZZ1111AAA");

    public ECDsa RootKey { get; }

    public X509Certificate2 Root { get; }

    public ECDsa OtherRootKey { get; }

    public X509Certificate2 OtherRoot { get; }

    public Ed25519SigningKey DeviceKey { get; }

    public Ed25519SigningKey OtherDeviceKey { get; }

    public ReservationRequestCode Request { get; }

    public ReservationRequestCode OtherRequest { get; }

    public ReservationAuthorizationCode Authorization { get; }

    public ReservationAuthorizationCode OtherAuthorization { get; }

    public ReservationReturnCode Return { get; }

    public X509Certificate2Collection Trustpool => [Root];

    public byte[] SignWithRoot(byte[] data) =>
        RootKey.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose()
    {
        RootKey.Dispose();
        Root.Dispose();
        OtherRootKey.Dispose();
        OtherRoot.Dispose();
        DeviceKey.Dispose();
        OtherDeviceKey.Dispose();
    }

    /// <summary>Every text that differs from <paramref name="code"/> in one code character, with the 0-based index changed.</summary>
    public static IEnumerable<(string Text, int Index)> SingleSubstitutions(string code, int from = 0)
    {
        for (var i = from; i < code.Length; i++)
        {
            if (code[i] == ReservationCodeText.Separator)
            {
                continue;
            }

            var original = CrockfordBase32.ValueOf(code[i]);
            foreach (var replacement in CrockfordBase32.Alphabet)
            {
                if (CrockfordBase32.ValueOf(replacement) == original)
                {
                    continue;
                }

                yield return (string.Concat(code.AsSpan(0, i), replacement.ToString(), code.AsSpan(i + 1)), i);
            }
        }
    }

    private static X509Certificate2 CreateRoot(ECDsa key, string subject)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return request.CreateSelfSigned(now, now.AddYears(10));
    }
}
