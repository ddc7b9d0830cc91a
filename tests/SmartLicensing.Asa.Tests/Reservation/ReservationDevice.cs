using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Reservation;

namespace SmartLicensing.Asa.Tests.Reservation;

/// <summary>
/// An emulated ASAv with the real Smart Agent on a temporary data folder, and a test root CA in
/// its trustpool that plays the Authority: it signs authorization codes for the device's requests.
/// Each <see cref="RunAsync"/> is one boot of the device.
/// </summary>
internal sealed class ReservationDevice : IDisposable
{
    public const string RequestLead = "Enter this request code in the Cisco Smart Software Manager portal:";
    public const string ReturnLead = "Enter this return code in the Cisco Smart Software Manager portal:";

    private readonly ECDsa _rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public ReservationDevice()
    {
        DataDirectory = Directory.CreateTempSubdirectory("asa-plr-").FullName;
        var request = new CertificateRequest("CN=Reservation Test Root", _rootKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));
        TrustpoolFile = Path.Combine(DataDirectory, "test-root.pem");
        File.WriteAllText(TrustpoolFile, root.ExportCertificatePem());
    }

    public string DataDirectory { get; }

    public string TrustpoolFile { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2023, 2, 10, 11, 0, 0, TimeSpan.Zero));

    public static string UniversalTag(string model) => CatalogLoader.BuiltIn.FindAsavModel(model)!.Reservation!.Tag;

    public async Task<string> RunAsync(string script, string? model = null, string? hypervisor = null)
    {
        using var input = new StringReader(script);
        using var output = new StringWriter();
        var exitCode = await AsaConsole.RunAsync(
            new AsaOptions { DataDirectory = DataDirectory, TrustpoolFile = TrustpoolFile, Model = model, Hypervisor = hypervisor },
            input,
            output,
            interactive: false,
            Time,
            TestContext.Current.CancellationToken);
        Assert.Equal(0, exitCode);
        return output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Signs the authorization the Authority would return for a request code.</summary>
    public ReservationAuthorizationCode Authorize(string requestCode, string model = "ASAv10", bool exportAllowed = true)
    {
        Assert.True(ReservationRequestCode.TryParse(requestCode, out var request, out var error), error?.Message);
        return ReservationAuthorizationCode.Create(
            request,
            UniversalTag(model),
            exportAllowed,
            data => _rootKey.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <summary>The code printed on the line after <paramref name="lead"/>, for each time it was printed.</summary>
    public static List<string> CodesAfter(string output, string lead)
    {
        var lines = output.Split('\n');
        return [.. lines.Select((line, i) => (line, i)).Where(x => x.line == lead && x.i + 1 < lines.Length).Select(x => lines[x.i + 1].Trim())];
    }

    public void Dispose()
    {
        _rootKey.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not affect other tests.
        }
    }
}
