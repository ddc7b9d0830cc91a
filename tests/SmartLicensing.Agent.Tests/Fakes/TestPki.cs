using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Agent.Tests.Fakes;

/// <summary>
/// A test root CA (P-256) with helpers to issue TLS, signing and ID certificates. Validity runs
/// from 2020 to 2035 so that fake clocks moved years ahead still fall inside it.
/// </summary>
internal sealed class TestPki : IDisposable
{
    public static readonly DateTimeOffset ValidFrom = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ValidTo = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";
    private const string Ed25519Oid = "1.3.101.112";

    private readonly ECDsa _rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestPki(string name = "Agent Test Root")
    {
        var request = new CertificateRequest($"CN={name}", _rootKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var withKey = request.CreateSelfSigned(ValidFrom, ValidTo);
        Root = X509CertificateLoader.LoadCertificate(withKey.RawData);
    }

    /// <summary>The root certificate without its private key, as a trustpool contains it.</summary>
    public X509Certificate2 Root { get; }

    public X509Certificate2Collection Trustpool => [Root];

    /// <summary>Signs as the Authority signs a reservation authorization: ECDSA P-256, SHA-256, IEEE P1363.</summary>
    public byte[] SignReservation(byte[] data) =>
        _rootKey.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Issues a TLS server certificate for 127.0.0.1 with its private key.</summary>
    /// <param name="serverAuthentication">
    /// False issues it without an EKU extension. Kestrel refuses certificates whose EKU lacks
    /// server authentication, so a missing extension is the case a test can serve.
    /// </param>
    public X509Certificate2 IssueTlsCertificate(bool serverAuthentication = true)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        if (serverAuthentication)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthenticationOid)], false));
        }

        using var certificate = request.Create(Root.SubjectName, X509SignatureGenerator.CreateForECDsa(_rootKey), ValidFrom, ValidTo, NewSerial());
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>Creates an Ed25519 response-signing key and its certificate from this root.</summary>
    public (Ed25519SigningKey Key, X509Certificate2 Certificate) CreateSigner()
    {
        var key = Ed25519SigningKey.Create();
        var certificate = IssueEd25519Certificate(key.PublicKey, "CN=Agent Test Signing", ValidFrom, ValidTo, extendedKeyUsage: null);
        return (key, certificate);
    }

    /// <summary>Issues a device ID certificate (client-authentication EKU) for a raw Ed25519 public key.</summary>
    public X509Certificate2 IssueIdCertificate(byte[] devicePublicKey, string udi, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        IssueEd25519Certificate(devicePublicKey, $"CN={udi.Replace(",", " ", StringComparison.Ordinal)}", notBefore, notAfter, ClientAuthenticationOid);

    /// <summary>
    /// Issues an X.509 certificate for a raw Ed25519 key, signed by the P-256 root. The
    /// AlgorithmIdentifier of an Ed25519 key has no parameters (RFC 8410), so the
    /// <see cref="PublicKey"/> is built with null parameters; DER NULL parameters (05 00) make
    /// OpenSSL reject the certificate when a chain is built.
    /// </summary>
    private X509Certificate2 IssueEd25519Certificate(
        byte[] publicKey, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter, string? extendedKeyUsage)
    {
        var subjectKey = new PublicKey(new Oid(Ed25519Oid), null, new AsnEncodedData(publicKey));
        var request = new CertificateRequest(new X500DistinguishedName(subject), subjectKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        if (extendedKeyUsage is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedKeyUsage)], false));
        }

        return request.Create(Root.SubjectName, X509SignatureGenerator.CreateForECDsa(_rootKey), notBefore, notAfter, NewSerial());
    }

    private static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(9);
        serial[0] &= 0x7F;
        serial[0] |= 0x10;
        return serial;
    }

    public void Dispose()
    {
        Root.Dispose();
        _rootKey.Dispose();
    }
}
