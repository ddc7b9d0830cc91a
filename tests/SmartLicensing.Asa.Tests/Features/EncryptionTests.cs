using SmartLicensing.Agent;
using SmartLicensing.Asa.Tests.Fakes;

namespace SmartLicensing.Asa.Tests.Features;

/// <summary>Strong Encryption: when it arrives, when it waits for a reload, what keeps it and what removes it. DES is always on.</summary>
public sealed class EncryptionTests : IDisposable
{
    private const string StrongEnabled = "Encryption-3DES-AES               : Enabled\n";
    private const string StrongDisabled = "Encryption-3DES-AES               : Disabled\n";
    private const string DesEnabled = "Encryption-DES                    : Enabled\n";

    private static readonly AgentState WithoutExport = AgentStates.RegisteredAuthorized1G with { ExportControlledAllowed = false, ExportAuthorized = false };

    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Fact]
    public async Task Register_TokenAllowsExport_EnablesStrongEncryptionAtOnce()
    {
        var (_, output) = await _device.RunAsync("enable\nshow license features\nlicense smart register idtoken T0KEN\nshow license features\n");

        var afterRegistration = output[output.LastIndexOf("License mode", StringComparison.Ordinal)..];
        Assert.Contains(StrongDisabled, output, StringComparison.Ordinal);
        Assert.Contains(StrongEnabled, afterRegistration, StringComparison.Ordinal);
        Assert.Contains(DesEnabled, afterRegistration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrongEncryption_AddedAfterRegistration_TakesEffectAfterReload()
    {
        _device.ConfigureAgent = agent =>
        {
            if (_device.Agents.Count == 0)
            {
                agent.State = WithoutExport;
            }

            agent.OnRegister = (fake, _, _) =>
            {
                fake.State = AgentStates.RegisteredAuthorized1G;
                fake.Raise(AgentEventKind.RegistrationSucceeded, "Registered.");
                return AgentResult.Success;
            };
        };

        var (_, output) = await _device.RunAsync(
            "enable\nshow license features\nlicense smart register idtoken EXPORT force\nshow license features\nreload\nshow license features\n");

        var tables = output.Split("License mode: Smart Licensing");
        Assert.Equal(4, tables.Length);
        Assert.Contains(StrongDisabled, tables[1], StringComparison.Ordinal);
        Assert.Contains("Strong Encryption (3DES/AES) has been added to the license. Reload the device for it to take effect.", tables[1], StringComparison.Ordinal);
        Assert.Contains(StrongDisabled, tables[2], StringComparison.Ordinal);
        Assert.Contains(StrongEnabled, tables[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrongEncryption_OutOfCompliance_IsKept()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.OutOfCompliance;

        var (_, output) = await _device.RunAsync("enable\nconf t\nlicense smart\n feature tier standard\n throughput level 1G\nend\nshow license features\n");

        Assert.Contains("enforce mode: Out of compliance\n", output, StringComparison.Ordinal);
        Assert.Contains(StrongEnabled, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReRegister_TokenWithoutExport_RemovesStrongEncryption()
    {
        _device.ConfigureAgent = agent =>
        {
            agent.State = AgentStates.RegisteredAuthorized1G;
            agent.OnRegister = (fake, _, _) =>
            {
                fake.State = WithoutExport;
                fake.Raise(AgentEventKind.RegistrationSucceeded, "Registered.");
                return AgentResult.Success;
            };
        };

        var (_, output) = await _device.RunAsync("enable\nshow license features\nlicense smart register idtoken NOEXPORT force\nshow license features\n");

        var tables = output.Split("License mode: Smart Licensing");
        Assert.Contains(StrongEnabled, tables[1], StringComparison.Ordinal);
        Assert.Contains(StrongDisabled, tables[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactoryDefault_RemovesRegistrationAndStrongEncryption()
    {
        _device.ConfigureAgent = agent => agent.State = AgentStates.RegisteredAuthorized1G;

        var (_, output) = await _device.RunAsync("enable\nconf t\nhostname lab1\nconfigure factory-default\nshow license features\nshow running-config\n");

        Assert.Contains("Deregister", _device.Agent.Calls);
        Assert.Contains(StrongDisabled, output, StringComparison.Ordinal);
        Assert.Contains("\nhostname ciscoasa\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unregistered_NoEvaluationStrongEncryption_DesStillEnabled()
    {
        var (_, output) = await _device.RunAsync("enable\nconf t\nlicense smart\n feature tier standard\n throughput level 1G\nend\nshow license features\n");

        Assert.Contains("enforce mode: Eval period\n", output, StringComparison.Ordinal);
        Assert.Contains(StrongDisabled, output, StringComparison.Ordinal);
        Assert.Contains(DesEnabled, output, StringComparison.Ordinal);
    }
}
