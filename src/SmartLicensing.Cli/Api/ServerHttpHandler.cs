using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Cli.Connection;

namespace SmartLicensing.Cli.Api;

/// <summary>
/// Creates the HTTP handler for the Admin API. With a CA file, the server certificate must chain
/// to one of its certificates (or to the system store); without one, only the system store counts.
/// There is deliberately no way to skip the check.
/// </summary>
internal static class ServerHttpHandler
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static HttpMessageHandler Create(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var handler = new SocketsHttpHandler { ConnectTimeout = ConnectTimeout };
        if (settings.CaFile is null)
        {
            return handler;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(settings.CaFile);
        handler.SslOptions.RemoteCertificateValidationCallback =
            (_, certificate, _, errors) => IsTrusted(certificate, errors, roots);
        return handler;
    }

    internal static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A name mismatch or a missing certificate is never forgiven; only the chain is built again.
        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        using var serverCertificate = new X509Certificate2(certificate);
        if (chain.Build(serverCertificate))
        {
            return true;
        }

        // A certificate from the right CA whose only fault is its validity period is named as
        // such: the cause is then a clock, not the trust settings.
        if (chain.ChainStatus.Length > 0 && chain.ChainStatus.All(s => s.Status is X509ChainStatusFlags.NotTimeValid or X509ChainStatusFlags.NoError))
        {
            throw new ServerCertificateTimeException(serverCertificate.NotBefore, serverCertificate.NotAfter, chain.ChainPolicy.VerificationTime);
        }

        return false;
    }
}
