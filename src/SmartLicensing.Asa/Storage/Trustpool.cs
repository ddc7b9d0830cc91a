using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartLicensing.Asa.Storage;

/// <summary>Root certificates the device trusts, read from PEM text.</summary>
internal static class Trustpool
{
    /// <summary>Reads every certificate in <paramref name="pem"/>; returns an error when there is none or one is damaged.</summary>
    public static X509Certificate2Collection? TryParse(string pem, out string? error)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            error = $"it holds a damaged certificate ({ex.Message})";
            return null;
        }

        if (certificates.Count == 0)
        {
            error = "it holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
            return null;
        }

        error = null;
        return certificates;
    }
}
