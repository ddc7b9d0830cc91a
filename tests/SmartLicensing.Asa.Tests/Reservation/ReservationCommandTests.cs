using SmartLicensing.Protocol.Reservation;

namespace SmartLicensing.Asa.Tests.Reservation;

public sealed class ReservationCommandTests : IDisposable
{
    private const string EnableReservation = """
        enable
        configure terminal
        license smart
        feature tier standard
        throughput level 1G
        exit
        license smart reservation
        end

        """;

    private readonly ReservationDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Fact]
    public async Task LicenseSmartReservation_RemovesTheLicenseSmartBlock()
    {
        var output = await _device.RunAsync(EnableReservation + "show running-config license\n");

        Assert.Contains("license smart reservation\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("feature tier standard", output, StringComparison.Ordinal);
        Assert.DoesNotContain("throughput level", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoLicenseSmartReservation_CancelsRequest()
    {
        var output = await _device.RunAsync(EnableReservation + """
            license smart reservation request universal
            configure terminal
            no license smart reservation
            end
            show running-config license
            show license status
            """);

        // Commands are not echoed in a script, so the line can only come from show running-config.
        Assert.DoesNotContain("license smart reservation\n", output, StringComparison.Ordinal);
        Assert.Contains("  Status: UNREGISTERED\n", output, StringComparison.Ordinal);
        Assert.Contains("License reservation: DISABLED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestUniversal_Repeated_SameCode()
    {
        var first = await _device.RunAsync(EnableReservation + """
            license smart reservation request universal
            license smart reservation request universal
            show license status
            write memory
            """);
        var afterReload = await _device.RunAsync("enable\nlicense smart reservation request universal\n");

        var codes = ReservationDevice.CodesAfter(first, ReservationDevice.RequestLead);
        Assert.Equal(2, codes.Count);
        Assert.StartsWith("CB-ZASAv:", codes[0], StringComparison.Ordinal);
        Assert.Equal(codes[0], codes[1]);
        Assert.Equal(codes[0], Assert.Single(ReservationDevice.CodesAfter(afterReload, ReservationDevice.RequestLead)));
        Assert.Contains("  Status: RESERVATION IN PROGRESS\n", first, StringComparison.Ordinal);
        Assert.Contains("License reservation: ENABLED", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_PendingRequest_NextRequestHasANewCode()
    {
        var output = await _device.RunAsync(EnableReservation + """
            license smart reservation request universal
            license smart reservation cancel
            license smart reservation request universal
            """);

        var codes = ReservationDevice.CodesAfter(output, ReservationDevice.RequestLead);
        Assert.Equal(2, codes.Count);
        Assert.NotEqual(codes[0], codes[1]);
    }

    [Fact]
    public async Task Install_ValidCode_LicensesModel()
    {
        var request = Assert.Single(ReservationDevice.CodesAfter(
            await _device.RunAsync(EnableReservation + "license smart reservation request universal\nwrite memory\n"), ReservationDevice.RequestLead));
        var authorization = _device.Authorize(request);

        var output = await _device.RunAsync($"""
            enable
            license smart reservation install {authorization.Format()}
            show license all
            show license features
            """);

        Assert.Contains("Reservation install successful\nLast Confirmation code " + authorization.Confirmation.Text + "\n", output, StringComparison.Ordinal);
        Assert.Contains("%SMART_LIC-6-RESERVED_INSTALLED", output, StringComparison.Ordinal);
        Assert.Contains("  Status: REGISTERED - UNIVERSAL LICENSE RESERVATION\n", output, StringComparison.Ordinal);
        Assert.Contains("  Export-Controlled Functionality: ALLOWED\n", output, StringComparison.Ordinal);
        Assert.Contains("  Status: RESERVED on Feb 10 2023 11:00:00 UTC\n", output, StringComparison.Ordinal);
        Assert.Contains("ASAv10 Permanent Universal (ASAv-UNIVERSAL-V10):\n", output, StringComparison.Ordinal);
        Assert.Contains("License reservation: ENABLED\n\nOverall status:\n", output, StringComparison.Ordinal);
        Assert.Contains("      Reservation status: UNIVERSAL INSTALLED on Feb 10 2023 11:00:00 UTC\n", output, StringComparison.Ordinal);
        Assert.Contains("License mode: Smart Licensing\nLicense reservation: ENABLED\nASAv Platform License State: Licensed\n", output, StringComparison.Ordinal);
        Assert.Contains("Active entitlement: ASAv-UNIVERSAL-V10, enforce mode: Authorized\n", output, StringComparison.Ordinal);
        Assert.Contains("Firewall throughput limited to 1 Gbps\n", output, StringComparison.Ordinal);
        Assert.Contains("Encryption-3DES-AES               : Enabled\n", output, StringComparison.Ordinal);
        Assert.Contains("Carrier                           : Enabled\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_NoExport_StrongEncryptionOff()
    {
        var request = Assert.Single(ReservationDevice.CodesAfter(
            await _device.RunAsync(EnableReservation + "license smart reservation request universal\nwrite memory\n"), ReservationDevice.RequestLead));

        var output = await _device.RunAsync($"enable\nlicense smart reservation install {_device.Authorize(request, exportAllowed: false).Format()}\nshow license features\n");

        Assert.Contains("ASAv Platform License State: Licensed\n", output, StringComparison.Ordinal);
        Assert.Contains("Encryption-3DES-AES               : Disabled\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_OtherRequest_Mismatch()
    {
        var output = await _device.RunAsync(EnableReservation + """
            license smart reservation request universal
            license smart reservation cancel
            license smart reservation request universal
            """);
        var stale = _device.Authorize(ReservationDevice.CodesAfter(output, ReservationDevice.RequestLead)[0]);

        var install = await _device.RunAsync(EnableReservation + $"license smart reservation install {stale.Format()}\nshow license status\n");

        Assert.Contains("Reservation install failed: The Reservation Authorization Code does not match the Reservation Request Code.\n", install, StringComparison.Ordinal);
        Assert.Contains("  Status: RESERVATION IN PROGRESS\n", install, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_MistypedCode_SaysWhichGroupIsMistyped()
    {
        var request = Assert.Single(ReservationDevice.CodesAfter(
            await _device.RunAsync(EnableReservation + "license smart reservation request universal\n"), ReservationDevice.RequestLead));
        var text = _device.Authorize(request).Format();
        var typo = string.Concat(text.AsSpan(0, 8), text[8] == 'Q' ? "R" : "Q", text.AsSpan(9));

        var output = await _device.RunAsync(EnableReservation + $"license smart reservation install {typo}\n");

        Assert.Contains("Reservation install failed: The authorization code has a typing error in group 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_BeforeRequest_Fails()
    {
        var output = await _device.RunAsync(EnableReservation + "license smart reservation install 0000\n");

        Assert.Contains("Reservation install failed: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Reservation install successful", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_Installed_Unlicenses()
    {
        var request = Assert.Single(ReservationDevice.CodesAfter(
            await _device.RunAsync(EnableReservation + "license smart reservation request universal\nwrite memory\n"), ReservationDevice.RequestLead));
        var authorization = _device.Authorize(request);

        var output = await _device.RunAsync($"""
            enable
            license smart reservation install {authorization.Format()}
            license smart reservation return
            show license features
            license smart reservation return
            """);
        var afterReload = await _device.RunAsync("enable\nlicense smart reservation return\nlicense smart reservation request universal\nlicense smart reservation return\n");

        var codes = ReservationDevice.CodesAfter(output, ReservationDevice.ReturnLead);
        Assert.Equal(2, codes.Count);
        Assert.Equal(codes[0], codes[1]);
        Assert.Contains("ASAv Platform License State: Unlicensed\n", output, StringComparison.Ordinal);
        Assert.Equal(codes[0], ReservationDevice.CodesAfter(afterReload, ReservationDevice.ReturnLead).Single());
        Assert.Contains("ERROR: The reservation is not installed yet", afterReload, StringComparison.Ordinal);
        Assert.True(ReservationReturnCode.TryParse(codes[0], out var returnCode, out _));
        Assert.True(ReservationRequestCode.TryParse(request, out var parsedRequest, out _));
        Assert.True(returnCode.Verify(parsedRequest, ReservationDevice.UniversalTag("ASAv10"), authorization));
    }

    [Fact]
    public async Task Return_BeforeInstall_Fails()
    {
        var output = await _device.RunAsync(EnableReservation + "license smart reservation request universal\nlicense smart reservation return\n");

        Assert.Contains("ERROR: The reservation is not installed yet", output, StringComparison.Ordinal);
        Assert.Empty(ReservationDevice.CodesAfter(output, ReservationDevice.ReturnLead));
    }

    [Fact]
    public async Task WriteErase_ReservationMode_RestoresLicense()
    {
        var request = Assert.Single(ReservationDevice.CodesAfter(
            await _device.RunAsync(EnableReservation + "license smart reservation request universal\nwrite memory\n"), ReservationDevice.RequestLead));
        await _device.RunAsync($"enable\nlicense smart reservation install {_device.Authorize(request).Format()}\n");

        var erased = await _device.RunAsync("enable\nwrite erase\nreload\nenable\nshow license features\nconfigure terminal\nlicense smart reservation\nend\nshow license features\n");

        var features = erased.Split("License mode: Smart Licensing\n");
        Assert.Equal(3, features.Length);
        Assert.Contains("ASAv Platform License State: Unlicensed\n", features[1], StringComparison.Ordinal);
        Assert.Contains("ASAv Platform License State: Licensed\n", features[2], StringComparison.Ordinal);
        Assert.Contains("Active entitlement: ASAv-UNIVERSAL-V10, enforce mode: Authorized\n", features[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LicenseSmartReservation_OnAzure_IsRefused()
    {
        var output = await _device.RunAsync("enable\nconfigure terminal\nlicense smart reservation\nshow running-config license\n", hypervisor: "azure");

        Assert.Contains("ERROR: Permanent license reservation is not supported on the Azure hypervisor.\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("license smart reservation\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LicenseSmartReservation_OnAsav100_IsRefused()
    {
        var output = await _device.RunAsync("enable\nconfigure terminal\nlicense smart reservation\n", model: "ASAv100");

        Assert.Contains("ERROR: Permanent license reservation is not supported on the ASAv100.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupConfig_Install_Rejected()
    {
        var request = Assert.Single(ReservationDevice.CodesAfter(
            await _device.RunAsync(EnableReservation + "license smart reservation request universal\n"), ReservationDevice.RequestLead));
        await File.WriteAllTextAsync(
            Path.Combine(_device.DataDirectory, "startup-config"),
            $"hostname ciscoasa\nlicense smart reservation\nlicense smart reservation install {_device.Authorize(request).Format()}\n",
            TestContext.Current.CancellationToken);

        var output = await _device.RunAsync("enable\nshow license status\n");

        Assert.Contains("ERROR: A permanent license cannot be installed in the day-0 or startup configuration.", output, StringComparison.Ordinal);
        Assert.Contains("  Status: RESERVATION IN PROGRESS\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestUniversal_WithoutReservationMode_IsRefused()
    {
        var output = await _device.RunAsync("enable\nlicense smart reservation request universal\n");

        Assert.Contains("ERROR: Permanent license reservation is not enabled.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ReservationMode_Rejected()
    {
        var output = await _device.RunAsync(EnableReservation + "license smart register idtoken SOME-TOKEN\nshow license status\n");

        Assert.Contains("ERROR: Permanent license reservation is enabled, so the device does not register", output, StringComparison.Ordinal);
        Assert.Contains("  Status: UNREGISTERED\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boot_UnknownHypervisor_Rejected()
    {
        using var input = new StringReader("");
        using var output = new StringWriter();

        var exitCode = await AsaConsole.RunAsync(
            new AsaOptions { DataDirectory = _device.DataDirectory, Hypervisor = "xen" },
            input,
            output,
            interactive: false,
            _device.Time,
            TestContext.Current.CancellationToken);

        Assert.Equal(AsaConsole.InvalidOptionsExitCode, exitCode);
        Assert.Contains("--hypervisor 'xen' is not a known hypervisor", output.ToString(), StringComparison.Ordinal);
    }
}
