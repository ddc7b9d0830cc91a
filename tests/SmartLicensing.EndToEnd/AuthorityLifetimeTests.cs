using SmartLicensing.EndToEnd.Support;

namespace SmartLicensing.EndToEnd;

/// <summary>How the real authority process ends when a service manager stops it.</summary>
public sealed class AuthorityLifetimeTests
{
    [Fact]
    public async Task Sigterm_Running_LogsStopAndExitsZero()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is a POSIX signal");
        await using var authority = new AuthorityProcess();
        await authority.InitializeAsync();

        var exitCode = await authority.TerminateAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("License server stopping", authority.Log, StringComparison.Ordinal);
        Assert.Contains("License server stopped", authority.Log, StringComparison.Ordinal);
    }
}
