using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Asa.Tests.Fakes;

namespace SmartLicensing.Asa.Tests.Cli;

/// <summary>Boot options: invalid ones end with exit code 2, the trustpool is stored in the data folder.</summary>
public sealed class AsaConsoleOptionsTests : IDisposable
{
    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Theory]
    [InlineData("ASAv20", null, null, "ERROR: --model 'ASAv20' is not an ASAv model. Use one of ASAv5, ASAv10, ASAv30, ASAv50, ASAv100.")]
    [InlineData(null, null, "two gigs", "ERROR: --memory 'two gigs' is not a memory size.")]
    [InlineData(null, 0, null, "ERROR: --vcpus 0 is invalid")]
    [InlineData(null, 1, "256MB", "ERROR: No ASAv model fits 1 vCPU and 256MB of memory")]
    public async Task RunAsync_InvalidPlatform_PrintsErrorAndExits2(string? model, int? vcpus, string? memory, string expected)
    {
        var (exitCode, output) = await _device.RunAsync("show version\n", _device.Options(model, vcpus, memory));

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, output, StringComparison.Ordinal);
        Assert.Empty(_device.Agents);
    }

    [Fact]
    public async Task RunAsync_MissingTrustpoolFile_PrintsErrorAndExits2()
    {
        var missing = Path.Combine(_device.DataDirectory, "no-such-root.pem");

        var (exitCode, output) = await _device.RunAsync("", _device.Options(trustpool: missing));

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"ERROR: The trustpool file '{missing}' cannot be read", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TrustpoolWithoutCertificate_PrintsErrorAndExits2()
    {
        var file = Path.Combine(_device.DataDirectory, "empty.pem");
        await File.WriteAllTextAsync(file, "not a certificate\n", TestContext.Current.CancellationToken);

        var (exitCode, output) = await _device.RunAsync("", _device.Options(trustpool: file));

        Assert.Equal(2, exitCode);
        Assert.Contains("holds no PEM certificate", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Trustpool_IsStoredAndUsedAtNextBoot()
    {
        var source = Path.Combine(Directory.CreateTempSubdirectory("asa-root-").FullName, "root.pem");
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var request = new CertificateRequest("CN=Test Root", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var root = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
            await File.WriteAllTextAsync(source, root.ExportCertificatePem(), TestContext.Current.CancellationToken);
        }

        await _device.RunAsync("", _device.Options(trustpool: source));
        File.Delete(source);
        await _device.RunAsync("");

        Assert.True(File.Exists(Path.Combine(_device.DataDirectory, "trustpool.pem")));
        Assert.Equal("CN=Test Root", Assert.Single(_device.AgentOptions[0].TrustedRoots).Subject);
        Assert.Equal("CN=Test Root", Assert.Single(_device.AgentOptions[1].TrustedRoots).Subject);
    }

    [Fact]
    public async Task RunAsync_NoTrustpool_BootsWithEmptyTrustpool()
    {
        var (exitCode, _) = await _device.RunAsync("");

        Assert.Equal(0, exitCode);
        Assert.Empty(_device.AgentOptions[0].TrustedRoots);
    }

    [Fact]
    public async Task RunAsync_CorruptSerialNumberFile_PrintsErrorAndExits2()
    {
        await File.WriteAllTextAsync(Path.Combine(_device.DataDirectory, "serial-number"), "bad", TestContext.Current.CancellationToken);

        var (exitCode, output) = await _device.RunAsync("");

        Assert.Equal(2, exitCode);
        Assert.Contains("holds 'bad', which is not an ASAv serial number", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MoreMemoryThanModel_WarnsInShowVm()
    {
        var (_, output) = await _device.RunAsync("show vm\n", _device.Options(vcpus: 1, memory: "8GB"));

        Assert.Contains("Model Id                     :  ASAv10\n", output, StringComparison.Ordinal);
        Assert.Contains("*Memory resource allocation is more than the permitted limit.\n", output, StringComparison.Ordinal);
    }
}
