using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using SmartLicensing.Agent.Transport;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Agent.Exchange;

/// <summary>
/// Accepts a server response only when it is a compact JWS signed by the key of its <c>x5c</c>
/// certificate, that certificate chains to a trustpool root, and the payload echoes the request
/// nonce. Signing certificates that passed the chain check are cached by SHA-256 thumbprint, so a
/// chain is built once per certificate rather than once per message.
/// </summary>
internal sealed class ResponseVerifier(X509Certificate2Collection trustedRoots, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, VerifiedSigner> _verifiedSigners = new(StringComparer.Ordinal);

    public ExchangeResult<TResponse> Verify<TResponse>(TransportResult answer, string expectedNonce, Uri serverUrl)
        where TResponse : DeviceResponse
    {
        if (!answer.Answered)
        {
            return ExchangeResult<TResponse>.Failed(answer.Failure);
        }

        if (!CompactJws.TryParse(answer.Body, out var jws, out var parseError))
        {
            // A proxy or web server error page is not a license server answer.
            if ((int)answer.StatusCode is < 200 or > 299)
            {
                return ExchangeResult<TResponse>.Failed(FailureReasons.CommunicationFailed.WithMessage(
                    $"Could not reach the license server at {serverUrl}: HTTP {(int)answer.StatusCode} ({answer.StatusCode}) without a signed answer"));
            }

            return Invalid<TResponse>(parseError);
        }

        if (FindSignerKey(jws.Header, out var signerProblem) is not { } signerKey)
        {
            return Invalid<TResponse>(signerProblem!);
        }

        if (!jws.Verify(signerKey))
        {
            return Invalid<TResponse>("its signature does not verify with the key of its signing certificate");
        }

        DeviceResponse? response;
        try
        {
            response = JsonSerializer.Deserialize<DeviceResponse>(jws.Payload, ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            return Invalid<TResponse>($"its payload is not a device response: {ex.Message}");
        }

        if (response is null)
        {
            return Invalid<TResponse>("its payload is empty");
        }

        if (!string.Equals(response.RequestNonce, expectedNonce, StringComparison.Ordinal))
        {
            return Invalid<TResponse>("it answers a different request (the nonce does not match)");
        }

        return response switch
        {
            ErrorResponse error => ExchangeResult<TResponse>.Failed(
                FailureReasons.Find(error.Code)?.WithMessage(error.Message) ?? new FailureReason(error.Code, error.Message)),
            TResponse expected => ExchangeResult<TResponse>.Success(expected),
            _ => Invalid<TResponse>($"it is a '{response.GetType().Name}' where a '{typeof(TResponse).Name}' was expected"),
        };
    }

    private byte[]? FindSignerKey(JwsHeader header, out string? problem)
    {
        problem = null;
        if (header.CertificateChain is not [var encoded, ..])
        {
            problem = "it carries no signing certificate (x5c)";
            return null;
        }

        byte[] der;
        try
        {
            der = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            problem = "its signing certificate (x5c) is not base64";
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var thumbprint = Convert.ToHexString(SHA256.HashData(der));
        if (_verifiedSigners.TryGetValue(thumbprint, out var cached) && cached.IsValidAt(now))
        {
            return cached.PublicKey;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException ex)
        {
            problem = $"its signing certificate (x5c) cannot be read: {ex.Message}";
            return null;
        }

        using (certificate)
        {
            if (!Ed25519Certificates.TryGetPublicKey(certificate, out var publicKey))
            {
                problem = $"its signing certificate '{certificate.Subject}' does not hold an Ed25519 key";
                return null;
            }

            var intermediates = header.CertificateChain.Skip(1).Select(TryLoad).OfType<X509Certificate2>().ToList();
            try
            {
                if (TrustpoolChain.Check(certificate, trustedRoots, now, intermediates) is { } chainProblem)
                {
                    problem = $"its signing {chainProblem}";
                    return null;
                }
            }
            finally
            {
                intermediates.ForEach(c => c.Dispose());
            }

            _verifiedSigners[thumbprint] = new VerifiedSigner(publicKey, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime());
            return publicKey;
        }
    }

    private static X509Certificate2? TryLoad(string encoded)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(encoded));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null;
        }
    }

    private static ExchangeResult<TResponse> Invalid<TResponse>(string detail)
        where TResponse : DeviceResponse =>
        ExchangeResult<TResponse>.Failed(FailureReasons.ResponseInvalid.WithMessage(
            $"The license server's answer is not valid: {detail}."));

    // Validity bounds are UTC.
    private sealed record VerifiedSigner(byte[] PublicKey, DateTime NotBefore, DateTime NotAfter)
    {
        public bool IsValidAt(DateTimeOffset time) => time.UtcDateTime >= NotBefore && time.UtcDateTime <= NotAfter;
    }
}
