using Microsoft.Extensions.Time.Testing;
using SmartLicensing.Agent;

namespace SmartLicensing.Asa.Tests.Fakes;

/// <summary>A data folder in the temp directory, a fixed clock and fake agents; runs the ASA console on them.</summary>
internal sealed class TestDevice : IDisposable
{
    public TestDevice()
    {
        DataDirectory = Directory.CreateTempSubdirectory("asa-test-").FullName;
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2023, 2, 10, 11, 0, 0, TimeSpan.Zero));

    /// <summary>One agent per boot, in boot order.</summary>
    public List<FakeLicensingAgent> Agents { get; } = [];

    public List<SmartAgentOptions> AgentOptions { get; } = [];

    /// <summary>Configures each new agent; by default a new agent starts from the previous one's state, as after a reload.</summary>
    public Action<FakeLicensingAgent>? ConfigureAgent { get; set; }

    public FakeLicensingAgent Agent => Agents[^1];

    public AsaOptions Options(string? model = null, int? vcpus = null, string? memory = null, string? trustpool = null) => new()
    {
        DataDirectory = DataDirectory,
        Model = model,
        Vcpus = vcpus,
        Memory = memory,
        TrustpoolFile = trustpool,
    };

    public async Task<(int ExitCode, string Output)> RunAsync(string script, AsaOptions? options = null, bool interactive = false)
    {
        using var input = new StringReader(script);
        using var output = new StringWriter();
        var exitCode = await AsaConsole.RunAsync(
            options ?? Options(),
            input,
            output,
            interactive,
            Time,
            CreateAgent,
            TestContext.Current.CancellationToken);
        return (exitCode, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not affect other tests.
        }
    }

    private FakeLicensingAgent CreateAgent(SmartAgentOptions options)
    {
        var agent = new FakeLicensingAgent();
        if (Agents.Count > 0)
        {
            agent.State = Agents[^1].State;
        }

        ConfigureAgent?.Invoke(agent);
        Agents.Add(agent);
        AgentOptions.Add(options);
        return agent;
    }
}
