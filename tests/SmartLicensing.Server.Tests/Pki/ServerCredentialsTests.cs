using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using SmartLicensing.Protocol.Identity;
using SmartLicensing.Protocol.Signing;
using SmartLicensing.Server.Pki;
using Xunit;

namespace SmartLicensing.Server.Tests.Pki;

public sealed class ServerCredentialsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"slic-pki-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LoadOrCreate_EmptyDirectory_CreatesEveryFile()
    {
        using var credentials = ServerCredentials.LoadOrCreate(_directory, [], _time);

        string[] expected = ["ca.pem", "ca.key", "server.pem", "server.key", "signing.key", "signing.pem", "token.key"];
        var present = Directory.GetFiles(_directory).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(expected.Order().ToArray(), present);
        Assert.Equal(32, credentials.TokenMacKey.Length);
        Assert.True(credentials.ServerTlsCertificate.HasPrivateKey);
    }

    [Fact]
    public void LoadOrCreate_PrivateKeyFiles_AreOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");
        using var credentials = ServerCredentials.LoadOrCreate(_directory, [], _time);

        foreach (var name in new[] { "ca.key", "server.key", "signing.key", "token.key" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(name));
        }

        Assert.True(ModeOf("ca.pem").HasFlag(UnixFileMode.OtherRead));
    }

    [Fact]
    public void LoadOrCreate_SecondStart_LoadsSameKeysAndCertificates()
    {
        using var first = ServerCredentials.LoadOrCreate(_directory, ["licensing.example.test"], _time);
        using var second = ServerCredentials.LoadOrCreate(_directory, ["licensing.example.test"], _time);

        Assert.Equal(first.RootCertificate.RawData, second.RootCertificate.RawData);
        Assert.Equal(first.ServerTlsCertificate.RawData, second.ServerTlsCertificate.RawData);
        Assert.Equal(first.SigningKey.PublicKey, second.SigningKey.PublicKey);
        Assert.Equal(first.SigningCertificateBase64, second.SigningCertificateBase64);
        Assert.Equal(first.TokenMacKey, second.TokenMacKey);
    }

    [Fact]
    public void LoadOrCreate_NewHostName_ReissuesServerCertificateAndKeepsRoot()
    {
        using var first = ServerCredentials.LoadOrCreate(_directory, [], _time);
        using var second = ServerCredentials.LoadOrCreate(_directory, ["licensing.example.test", "192.0.2.10"], _time);

        Assert.Equal(first.RootCertificate.RawData, second.RootCertificate.RawData);
        Assert.NotEqual(first.ServerTlsCertificate.SerialNumber, second.ServerTlsCertificate.SerialNumber);
        var names = second.ServerTlsCertificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("licensing.example.test", names.EnumerateDnsNames());
        Assert.Contains("localhost", names.EnumerateDnsNames());
        Assert.Contains(IPAddress.Parse("192.0.2.10"), names.EnumerateIPAddresses());
        Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
    }

    [Fact]
    public void ServerTlsCertificate_ChainsToRootWithServerAuthentication()
    {
        using var credentials = ServerCredentials.LoadOrCreate(_directory, [], _time);
        var server = credentials.ServerTlsCertificate;

        var usage = server.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Contains(usage.EnhancedKeyUsages.Cast<Oid>(), o => o.Value == CertificateProfiles.ServerAuthenticationOid);
        Assert.Equal(credentials.RootCertificate.SubjectName.Name, server.IssuerName.Name);
        Assert.Equal(Start.AddDays(730).UtcDateTime, server.NotAfter.ToUniversalTime());

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(credentials.RootCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Start.AddDays(1).UtcDateTime;
        Assert.True(chain.Build(server), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public void SigningCertificate_HoldsSigningKeyAndVerifiesWithRoot()
    {
        using var credentials = ServerCredentials.LoadOrCreate(_directory, [], _time);

        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(credentials.SigningCertificateBase64));

        Assert.Equal(CertificateProfiles.Ed25519AlgorithmOid, certificate.PublicKey.Oid.Value);
        Assert.Equal(credentials.SigningKey.PublicKey, certificate.PublicKey.EncodedKeyValue.RawData);
        Assert.True(SignatureVerifiesWithRoot(certificate.RawData, credentials.RootCertificate));
    }

    [Fact]
    public void IssueIdCertificate_DeviceKey_HasProfileAndRootSignature()
    {
        using var credentials = ServerCredentials.LoadOrCreate(_directory, [], _time);
        using var deviceKey = Ed25519SigningKey.Create();
        var udi = Udi.Parse("PID:ASAv,SN:9A1B2C3D4E5");
        var now = Start.AddHours(3);

        var issued = credentials.IssueIdCertificate(udi, deviceKey.PublicKey, now);

        using var certificate = X509CertificateLoader.LoadCertificate(issued.Der);
        Assert.Equal(udi.ToString(), certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.Equal(CertificateProfiles.Ed25519AlgorithmOid, certificate.PublicKey.Oid.Value);
        Assert.Equal(deviceKey.PublicKey, certificate.PublicKey.EncodedKeyValue.RawData);
        Assert.Equal(issued.Serial, certificate.SerialNumber);
        Assert.Equal(32, issued.Serial.Length);
        Assert.Equal(issued.Serial.ToUpperInvariant(), issued.Serial);
        Assert.Equal(now.AddMinutes(-5), issued.NotBefore);
        Assert.Equal(now.AddDays(365), issued.NotAfter);
        Assert.Equal(now.AddDays(182), issued.RenewAfter);
        Assert.Equal(issued.NotBefore.UtcDateTime, certificate.NotBefore.ToUniversalTime());
        Assert.Equal(issued.NotAfter.UtcDateTime, certificate.NotAfter.ToUniversalTime());
        var usage = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Equal([CertificateProfiles.ClientAuthenticationOid], usage.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        Assert.True(SignatureVerifiesWithRoot(issued.Der, credentials.RootCertificate));
    }

    [Fact]
    public void SigningAndIdCertificates_X509Chain_BuildsToRoot()
    {
        using var credentials = ServerCredentials.LoadOrCreate(_directory, [], _time);
        using var deviceKey = Ed25519SigningKey.Create();
        var issued = credentials.IssueIdCertificate(Udi.Parse("PID:ASAv,SN:CHAIN1"), deviceKey.PublicKey, Start);

        using var signing = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(credentials.SigningCertificateBase64));
        using var id = X509CertificateLoader.LoadCertificate(issued.Der);

        // Agents check the signing certificate with an ordinary chain build against their trustpool.
        foreach (var certificate in new[] { signing, id })
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(credentials.RootCertificate);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = Start.AddDays(1).UtcDateTime;
            Assert.True(chain.Build(certificate), $"{certificate.Subject}: {string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation))}");
        }
    }

    [Fact]
    public void IssueIdCertificate_TwoIssues_HaveDifferentSerials()
    {
        using var credentials = ServerCredentials.LoadOrCreate(_directory, [], _time);
        using var deviceKey = Ed25519SigningKey.Create();
        var udi = Udi.Parse("PID:ASAv,SN:9A1B2C3D4E5");

        var first = credentials.IssueIdCertificate(udi, deviceKey.PublicKey, Start);
        var second = credentials.IssueIdCertificate(udi, deviceKey.PublicKey, Start);

        Assert.NotEqual(first.Serial, second.Serial);
    }

    [Fact]
    public void IssueIdCertificate_TamperedCertificate_FailsRootSignatureCheck()
    {
        using var credentials = ServerCredentials.LoadOrCreate(_directory, [], _time);
        using var deviceKey = Ed25519SigningKey.Create();
        var issued = credentials.IssueIdCertificate(Udi.Parse("PID:ASAv,SN:X1"), deviceKey.PublicKey, Start);

        // Flip one bit of the device key inside the signed part.
        var tampered = (byte[])issued.Der.Clone();
        var keyOffset = tampered.AsSpan().IndexOf(deviceKey.PublicKey);
        tampered[keyOffset] ^= 0x01;

        Assert.False(SignatureVerifiesWithRoot(tampered, credentials.RootCertificate));
    }

    private UnixFileMode ModeOf(string name) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(Path.Combine(_directory, name));

    // Checks the certificate's ECDSA signature directly, without chain building.
    private static bool SignatureVerifiesWithRoot(byte[] der, X509Certificate2 root)
    {
        var reader = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER);
        var certificate = reader.ReadSequence();
        var toBeSigned = certificate.ReadEncodedValue();
        certificate.ReadSequence();
        var signature = certificate.ReadBitString(out _);
        using var rootKey = root.GetECDsaPublicKey()!;
        return rootKey.VerifyData(toBeSigned.Span, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
