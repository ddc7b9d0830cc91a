using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Protocol.Identity;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Server.Pki;

/// <summary>
/// The server's keys and certificates: a P-256 root CA, the TLS certificate, the Ed25519 key that
/// signs device responses (with its certificate), and the key for registration token MACs. They
/// are created in the data directory on first start and loaded from there afterwards.
/// </summary>
public sealed class ServerCredentials : IDisposable
{
    public const string RootCertificateFile = "ca.pem";
    public const string RootKeyFile = "ca.key";
    public const string ServerCertificateFile = "server.pem";
    public const string ServerKeyFile = "server.key";
    public const string SigningKeyFile = "signing.key";
    public const string SigningCertificateFile = "signing.pem";
    public const string TokenKeyFile = "token.key";

    private const int TokenKeySize = 32;
    private const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PublicFileMode = PrivateFileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    // A TLS certificate this close to its end is replaced at start.
    private static readonly TimeSpan ServerRenewalMargin = TimeSpan.FromDays(30);

    private readonly ECDsa _rootKey;

    // One ECDsa object shared by threads signs markedly slower than one per thread.
    private readonly ThreadLocal<ECDsa> _issuingKeys;

    private ServerCredentials(
        X509Certificate2 rootCertificate,
        ECDsa rootKey,
        X509Certificate2 serverTlsCertificate,
        Ed25519SigningKey signingKey,
        X509Certificate2 signingCertificate,
        byte[] tokenMacKey)
    {
        RootCertificate = rootCertificate;
        _rootKey = rootKey;
        var rootKeyPkcs8 = rootKey.ExportPkcs8PrivateKey();
        _issuingKeys = new ThreadLocal<ECDsa>(
            () =>
            {
                var key = ECDsa.Create();
                key.ImportPkcs8PrivateKey(rootKeyPkcs8, out _);
                return key;
            },
            trackAllValues: true);
        ServerTlsCertificate = serverTlsCertificate;
        SigningKey = signingKey;
        SigningCertificate = signingCertificate;
        SigningCertificateBase64 = Convert.ToBase64String(signingCertificate.RawData);
        TokenMacKey = tokenMacKey;
    }

    public X509Certificate2 RootCertificate { get; }

    /// <summary>TLS certificate with its private key.</summary>
    public X509Certificate2 ServerTlsCertificate { get; }

    public Ed25519SigningKey SigningKey { get; }

    /// <summary>X.509 certificate of <see cref="SigningKey"/>, issued by the root.</summary>
    public X509Certificate2 SigningCertificate { get; }

    /// <summary>Base64 DER of <see cref="SigningCertificate"/>, as sent in the JWS <c>x5c</c> header.</summary>
    public string SigningCertificateBase64 { get; }

    /// <summary>Key of the registration token HMAC-SHA256.</summary>
    public byte[] TokenMacKey { get; }

    public static ServerCredentials LoadOrCreate(string dataDirectory, IReadOnlyList<string> serverHostNames, TimeProvider timeProvider) =>
        LoadOrCreate(dataDirectory, serverHostNames, timeProvider, timeProvider);

    /// <summary>
    /// Loads or creates the credentials. Certificates start at the system time, so clients on the
    /// system clock accept them, and last until well past the lab time, so devices whose clock
    /// follows a lab clock that was moved forward accept them too.
    /// </summary>
    /// <param name="dataDirectory">Folder of the key and certificate files.</param>
    /// <param name="serverHostNames">Names and addresses the TLS certificate covers besides localhost.</param>
    /// <param name="systemClock">The real clock: certificates are issued and checked at its time.</param>
    /// <param name="labClock">The clock devices follow; may be ahead of <paramref name="systemClock"/>.</param>
    public static ServerCredentials LoadOrCreate(string dataDirectory, IReadOnlyList<string> serverHostNames, TimeProvider systemClock, TimeProvider labClock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentNullException.ThrowIfNull(serverHostNames);
        ArgumentNullException.ThrowIfNull(systemClock);
        ArgumentNullException.ThrowIfNull(labClock);

        Directory.CreateDirectory(dataDirectory);
        var now = WholeSeconds(systemClock.GetUtcNow());
        var latest = WholeSeconds(labClock.GetUtcNow());
        var period = new IssuePeriod(now, latest > now ? latest : now);
        var paths = new FilePaths(dataDirectory);

        var (rootCertificate, rootKey, rootIsNew) = LoadOrCreateRoot(paths, now);
        var signingKey = LoadOrCreateSigningKey(paths);
        var signingCertificate = LoadOrCreateSigningCertificate(paths, rootCertificate, rootKey, signingKey, rootIsNew, period);
        var serverCertificate = LoadOrCreateServerCertificate(paths, rootCertificate, rootKey, serverHostNames, rootIsNew, period);
        var tokenMacKey = LoadOrCreateTokenKey(paths);

        return new ServerCredentials(rootCertificate, rootKey, serverCertificate, signingKey, signingCertificate, tokenMacKey);
    }

    /// <summary>
    /// Issues a device ID certificate: subject CN = UDI text, the device's Ed25519 key, client
    /// authentication, one year, signed by the root.
    /// </summary>
    public IssuedIdCertificate IssueIdCertificate(Udi udi, ReadOnlySpan<byte> devicePublicKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(udi);

        now = WholeSeconds(now);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(udi.ToString());

        var request = new CertificateRequest(subject.Build(), Ed25519PublicKeyInfo.ToPublicKey(devicePublicKey), HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(CertificateProfiles.ClientAuthenticationOid)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(RootCertificate, true, false));

        var serial = NewSerial();
        var notBefore = now - CertificateProfiles.ClockAllowance;
        var notAfter = now + CertificateProfiles.IdCertificateValidity;
        using var certificate = request.Create(RootCertificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_issuingKeys.Value!), notBefore, notAfter, serial);
        var der = certificate.RawData;

        return new IssuedIdCertificate(der, Convert.ToHexString(serial), notBefore, notAfter, now + CertificateProfiles.IdCertificateRenewAfter);
    }

    /// <summary>
    /// Signs a reservation authorization with the root key: ECDSA P-256 over SHA-256, 64 bytes
    /// (IEEE P1363). The root signs it, not the Ed25519 signing key, because a device that never
    /// reached this server holds only the root in its trustpool.
    /// </summary>
    public byte[] SignReservation(byte[] data) =>
        _issuingKeys.Value!.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose()
    {
        RootCertificate.Dispose();
        _rootKey.Dispose();
        foreach (var key in _issuingKeys.Values)
        {
            key.Dispose();
        }

        _issuingKeys.Dispose();
        ServerTlsCertificate.Dispose();
        SigningKey.Dispose();
        SigningCertificate.Dispose();
    }

    private static (X509Certificate2 Certificate, ECDsa Key, bool IsNew) LoadOrCreateRoot(FilePaths paths, DateTimeOffset now)
    {
        if (File.Exists(paths.RootCertificate) && File.Exists(paths.RootKey))
        {
            var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(paths.RootCertificate));
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(paths.RootKey));
            return (certificate, key, false);
        }

        var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=SmartLicensing Root CA, O=SmartLicensing", rootKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        using var withKey = request.CreateSelfSigned(now - CertificateProfiles.ClockAllowance, now + CertificateProfiles.RootValidity);
        var rootCertificate = X509CertificateLoader.LoadCertificate(withKey.RawData);

        WriteAtomically(paths.RootKey, rootKey.ExportPkcs8PrivateKeyPem(), PrivateFileMode);
        WriteAtomically(paths.RootCertificate, rootCertificate.ExportCertificatePem(), PublicFileMode);
        return (rootCertificate, rootKey, true);
    }

    private static Ed25519SigningKey LoadOrCreateSigningKey(FilePaths paths)
    {
        if (File.Exists(paths.SigningKey))
        {
            return Ed25519SigningKey.ImportPrivateKey(File.ReadAllBytes(paths.SigningKey));
        }

        var key = Ed25519SigningKey.Create();
        WriteAtomically(paths.SigningKey, key.ExportPrivateKey(), PrivateFileMode);
        return key;
    }

    private static X509Certificate2 LoadOrCreateSigningCertificate(
        FilePaths paths, X509Certificate2 root, ECDsa rootKey, Ed25519SigningKey signingKey, bool rootIsNew, IssuePeriod period)
    {
        if (!rootIsNew && File.Exists(paths.SigningCertificate))
        {
            var existing = X509Certificate2.CreateFromPem(File.ReadAllText(paths.SigningCertificate));
            var existingKey = Ed25519PublicKeyInfo.ReadRawKey(existing);
            if (existingKey is not null
                && existingKey.AsSpan().SequenceEqual(signingKey.PublicKey)
                && existing.IssuerName.RawData.AsSpan().SequenceEqual(root.SubjectName.RawData)
                && period.StillCovers(existing))
            {
                return existing;
            }

            existing.Dispose();
        }

        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName("SmartLicensing Response Signing");
        subject.AddOrganizationName("SmartLicensing");
        var request = new CertificateRequest(subject.Build(), Ed25519PublicKeyInfo.ToPublicKey(signingKey.PublicKey), HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));

        var certificate = request.Create(
            root.SubjectName,
            X509SignatureGenerator.CreateForECDsa(rootKey),
            period.NotBefore,
            period.NotAfter(CertificateProfiles.SigningValidity),
            NewSerial());
        WriteAtomically(paths.SigningCertificate, certificate.ExportCertificatePem(), PublicFileMode);
        return certificate;
    }

    private static X509Certificate2 LoadOrCreateServerCertificate(
        FilePaths paths, X509Certificate2 root, ECDsa rootKey, IReadOnlyList<string> hostNames, bool rootIsNew, IssuePeriod period)
    {
        var (dnsNames, addresses) = SplitHostNames(hostNames);
        if (!rootIsNew && File.Exists(paths.ServerCertificate) && File.Exists(paths.ServerKey))
        {
            var existing = X509Certificate2.CreateFromPem(File.ReadAllText(paths.ServerCertificate), File.ReadAllText(paths.ServerKey));
            if (existing.IssuerName.RawData.AsSpan().SequenceEqual(root.SubjectName.RawData)
                && period.StillCovers(existing)
                && CoversNames(existing, dnsNames, addresses))
            {
                return existing;
            }

            existing.Dispose();
        }

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=SmartLicensing Server, O=SmartLicensing", serverKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(CertificateProfiles.ServerAuthenticationOid)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dnsName in dnsNames)
        {
            names.AddDnsName(dnsName);
        }

        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());

        using var certificate = request.Create(
            root.SubjectName,
            X509SignatureGenerator.CreateForECDsa(rootKey),
            period.NotBefore,
            period.NotAfter(CertificateProfiles.ServerTlsValidity),
            NewSerial());
        var certificatePem = certificate.ExportCertificatePem();
        var keyPem = serverKey.ExportPkcs8PrivateKeyPem();
        WriteAtomically(paths.ServerKey, keyPem, PrivateFileMode);
        WriteAtomically(paths.ServerCertificate, certificatePem, PublicFileMode);
        return X509Certificate2.CreateFromPem(certificatePem, keyPem);
    }

    private static byte[] LoadOrCreateTokenKey(FilePaths paths)
    {
        if (File.Exists(paths.TokenKey))
        {
            var existing = File.ReadAllBytes(paths.TokenKey);
            if (existing.Length != TokenKeySize)
            {
                throw new CryptographicException($"The token key file {paths.TokenKey} contains {existing.Length} bytes, but a token key is {TokenKeySize} bytes. Restore the file from a backup.");
            }

            return existing;
        }

        var key = RandomNumberGenerator.GetBytes(TokenKeySize);
        WriteAtomically(paths.TokenKey, key, PrivateFileMode);
        return key;
    }

    private static (List<string> DnsNames, List<IPAddress> Addresses) SplitHostNames(IReadOnlyList<string> hostNames)
    {
        var dnsNames = new List<string> { "localhost" };
        var addresses = new List<IPAddress> { IPAddress.Loopback };
        foreach (var raw in hostNames)
        {
            var name = raw.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (IPAddress.TryParse(name, out var address))
            {
                if (!addresses.Contains(address))
                {
                    addresses.Add(address);
                }
            }
            else if (!dnsNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                dnsNames.Add(name);
            }
        }

        return (dnsNames, addresses);
    }

    private static bool CoversNames(X509Certificate2 certificate, List<string> dnsNames, List<IPAddress> addresses)
    {
        var extension = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (extension is null)
        {
            return false;
        }

        var presentNames = extension.EnumerateDnsNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var presentAddresses = extension.EnumerateIPAddresses().ToHashSet();
        return dnsNames.All(presentNames.Contains) && addresses.All(presentAddresses.Contains);
    }

    // Positive, minimally encoded 16-byte serial: first byte 0x01..0x7F.
    private static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static void WriteAtomically(string path, string text, UnixFileMode mode) =>
        WriteAtomically(path, System.Text.Encoding.ASCII.GetBytes(text), mode);

    // Writes a temporary file with the final mode already set, then renames it into place, so a
    // crash never leaves a half-written key and a key file is never readable by others.
    private static void WriteAtomically(string path, byte[] content, UnixFileMode mode)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                // The process umask may have cleared bits of a world-readable file.
                File.SetUnixFileMode(temporary, mode);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // Validity of the TLS and signing certificates: from a day before the system time (so a
    // client clock a little behind accepts them) to a full period after the later of the system
    // and lab times. One made before the system time caught up with it, or ending within the
    // renewal margin of either time, is made again.
    private sealed record IssuePeriod(DateTimeOffset SystemNow, DateTimeOffset Latest)
    {
        public DateTimeOffset NotBefore => SystemNow - CertificateProfiles.TlsClockAllowance;

        public DateTimeOffset NotAfter(TimeSpan validity) => Latest + validity;

        public bool StillCovers(X509Certificate2 certificate) =>
            certificate.NotBefore.ToUniversalTime() <= SystemNow.UtcDateTime
            && certificate.NotAfter.ToUniversalTime() > Latest.UtcDateTime + ServerRenewalMargin;
    }

    private sealed class FilePaths(string directory)
    {
        public string RootCertificate { get; } = Path.Combine(directory, RootCertificateFile);
        public string RootKey { get; } = Path.Combine(directory, RootKeyFile);
        public string ServerCertificate { get; } = Path.Combine(directory, ServerCertificateFile);
        public string ServerKey { get; } = Path.Combine(directory, ServerKeyFile);
        public string SigningKey { get; } = Path.Combine(directory, SigningKeyFile);
        public string SigningCertificate { get; } = Path.Combine(directory, SigningCertificateFile);
        public string TokenKey { get; } = Path.Combine(directory, TokenKeyFile);
    }
}
