using Microsoft.Extensions.Time.Testing;
using SmartLicensing.Server.Pki;
using Xunit;

namespace SmartLicensing.Server.Tests.Pki;

public sealed class ServerCredentialsLabClockTests : IDisposable
{
    private static readonly DateTimeOffset SystemNow = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LabNow = SystemNow.AddDays(400);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"slic-pki-lab-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _system = new(SystemNow);
    private readonly FakeTimeProvider _lab = new(LabNow);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LoadOrCreate_LabClockAhead_TlsCertificateValidAtSystemAndLabTime()
    {
        using var credentials = ServerCredentials.LoadOrCreate(_directory, [], _system, _lab);

        var tls = credentials.ServerTlsCertificate;
        Assert.Equal(SystemNow.AddDays(-1).UtcDateTime, tls.NotBefore.ToUniversalTime());
        Assert.Equal(LabNow.Add(CertificateProfiles.ServerTlsValidity).UtcDateTime, tls.NotAfter.ToUniversalTime());
        Assert.True(credentials.SigningCertificate.NotBefore.ToUniversalTime() <= SystemNow.UtcDateTime);
        Assert.True(credentials.SigningCertificate.NotAfter.ToUniversalTime() > LabNow.UtcDateTime);
        Assert.True(credentials.RootCertificate.NotBefore.ToUniversalTime() <= SystemNow.UtcDateTime);
    }

    [Fact]
    public void LoadOrCreate_TlsCertificateStartsAfterSystemTime_IssuesItAgain()
    {
        // A certificate issued at the lab time, as an earlier version did.
        using (ServerCredentials.LoadOrCreate(_directory, [], _lab, _lab))
        {
        }

        using var credentials = ServerCredentials.LoadOrCreate(_directory, [], _system, _lab);

        Assert.True(credentials.ServerTlsCertificate.NotBefore.ToUniversalTime() <= SystemNow.UtcDateTime);
        Assert.True(credentials.SigningCertificate.NotBefore.ToUniversalTime() <= SystemNow.UtcDateTime);
    }

    [Fact]
    public void LoadOrCreate_LabClockNearTlsEnd_IssuesItAgain()
    {
        using var first = ServerCredentials.LoadOrCreate(_directory, [], _system, _system);
        _lab.SetUtcNow(SystemNow.Add(CertificateProfiles.ServerTlsValidity).AddDays(-10));

        using var second = ServerCredentials.LoadOrCreate(_directory, [], _system, _lab);

        Assert.NotEqual(first.ServerTlsCertificate.RawData, second.ServerTlsCertificate.RawData);
        Assert.True(second.ServerTlsCertificate.NotAfter.ToUniversalTime() > _lab.GetUtcNow().UtcDateTime.AddDays(365));
        Assert.True(second.ServerTlsCertificate.NotBefore.ToUniversalTime() <= SystemNow.UtcDateTime);
    }

    [Fact]
    public void LoadOrCreate_SameClocksSecondStart_KeepsTlsCertificate()
    {
        using var first = ServerCredentials.LoadOrCreate(_directory, [], _system, _lab);
        using var second = ServerCredentials.LoadOrCreate(_directory, [], _system, _lab);

        Assert.Equal(first.ServerTlsCertificate.RawData, second.ServerTlsCertificate.RawData);
        Assert.Equal(first.SigningCertificateBase64, second.SigningCertificateBase64);
    }
}
