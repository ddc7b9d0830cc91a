using System.Security.Cryptography.X509Certificates;

namespace SmartLicensing.Agent.Transport;

/// <summary>Chain checks against the agent's trustpool only; the machine's root store plays no part.</summary>
internal static class TrustpoolChain
{
    public const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>
    /// Builds the chain of <paramref name="certificate"/> to a root in <paramref name="trustedRoots"/>
    /// at <paramref name="time"/>. Returns null when it chains, otherwise why it does not.
    /// </summary>
    public static string? Check(
        X509Certificate2 certificate,
        X509Certificate2Collection trustedRoots,
        DateTimeOffset time,
        IEnumerable<X509Certificate2>? intermediates = null)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        foreach (var intermediate in intermediates ?? [])
        {
            chain.ChainPolicy.ExtraStore.Add(intermediate);
        }

        if (chain.Build(certificate))
        {
            return null;
        }

        var statuses = chain.ChainStatus.Select(s => s.Status).Distinct().ToList();
        if (statuses.Count == 1 && statuses[0] == X509ChainStatusFlags.NotTimeValid)
        {
            return $"certificate '{certificate.Subject}' is not valid at {AgentText.Time(time)}";
        }

        return $"certificate '{certificate.Subject}' does not chain to a root in the trustpool ({string.Join(", ", statuses)})";
    }

    public static bool HasServerAuthentication(X509Certificate2 certificate) =>
        certificate.Extensions
            .OfType<X509EnhancedKeyUsageExtension>()
            .Any(e => e.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Any(o => o.Value == ServerAuthenticationOid));

    public static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
}
