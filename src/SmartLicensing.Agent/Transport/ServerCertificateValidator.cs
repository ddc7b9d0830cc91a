using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SmartLicensing.Agent.Transport;

/// <summary>
/// Checks the license server's TLS certificate: it must match the host name, chain to a root in
/// the agent's trustpool at the agent's clock time and carry the server-authentication EKU unless
/// it is self-signed. There is deliberately no setting that accepts any certificate.
/// </summary>
internal sealed class ServerCertificateValidator(X509Certificate2Collection trustedRoots, TimeProvider timeProvider)
{
    /// <summary>Why the latest rejected certificate was rejected; exchanges run one at a time, so one field is enough.</summary>
    public string? LastRejection { get; private set; }

    public void Reset() => LastRejection = null;

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        var rejection = FindProblem(certificate, presentedChain, errors);
        LastRejection = rejection;
        return rejection is null;
    }

    private string? FindProblem(X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the server sent no certificate";
        }

        // The system's chain errors are ignored because they come from the machine's roots and clock.
        // The host name check uses neither, so it is kept.
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"certificate '{certificate.Subject}' is not issued for the server's host name";
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var intermediates = presentedChain?.ChainElements
            .Select(e => e.Certificate)
            .Where(c => !c.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
            .ToList();

        var chainProblem = TrustpoolChain.Check(leaf, trustedRoots, timeProvider.GetUtcNow(), intermediates);
        if (chainProblem is not null)
        {
            return chainProblem;
        }

        if (!TrustpoolChain.IsSelfSigned(leaf) && !TrustpoolChain.HasServerAuthentication(leaf))
        {
            return $"certificate '{leaf.Subject}' lacks the server-authentication EKU ({TrustpoolChain.ServerAuthenticationOid})";
        }

        return null;
    }
}
