using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Cli.Api;
using SmartLicensing.Cli.Commands;

namespace SmartLicensing.Cli.Tests.Api;

public sealed class ServerCertificateTimeTests
{
    private static readonly Uri Server = new("https://127.0.0.1:8443/");

    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    [Fact]
    public void IsTrusted_CertificateStartsLater_ThrowsNotValidUntil()
    {
        var notBefore = Now.AddDays(300);
        var (root, leaf) = Issue(notBefore, notBefore.AddDays(700));
        using (root)
        using (leaf)
        {
            var exception = Assert.Throws<ServerCertificateTimeException>(
                () => ServerHttpHandler.IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors, [root]));

            Assert.True(exception.NotYetValid);
            var message = AdminAction.DescribeConnectionFailure(Server, new HttpRequestException("The SSL connection could not be established.", exception));
            Assert.Contains($"is not valid until {notBefore.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC", message, StringComparison.Ordinal);
            Assert.DoesNotContain("--ca", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void IsTrusted_CertificateEnded_ThrowsExpiredOn()
    {
        var notAfter = Now.AddDays(-3);
        var (root, leaf) = Issue(notAfter.AddDays(-700), notAfter);
        using (root)
        using (leaf)
        {
            var exception = Assert.Throws<ServerCertificateTimeException>(
                () => ServerHttpHandler.IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors, [root]));

            var message = AdminAction.DescribeConnectionFailure(Server, new HttpRequestException("The SSL connection could not be established.", exception));
            Assert.Contains($"expired on {notAfter.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void IsTrusted_OtherCa_FalseAndBlamesTrust()
    {
        var (root, leaf) = Issue(Now.AddDays(-1), Now.AddDays(10));
        var (otherRoot, otherLeaf) = Issue(Now.AddDays(-1), Now.AddDays(10));
        using (root)
        using (leaf)
        using (otherRoot)
        using (otherLeaf)
        {
            Assert.False(ServerHttpHandler.IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors, [otherRoot]));
        }
    }

    private static (X509Certificate2 Root, X509Certificate2 Leaf) Issue(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=Test Root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var root = rootRequest.CreateSelfSigned(Now.AddYears(-5), Now.AddYears(20));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=localhost", leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var leaf = leafRequest.Create(root, notBefore, notAfter, [1, 2, 3, 4]);
        return (root, X509CertificateLoader.LoadCertificate(leaf.RawData));
    }
}
