using System.Text;
using System.Text.RegularExpressions;

namespace SmartLicensing.EndToEnd.Support;

/// <summary>
/// An emulated ASAv with its own data folder, driven by <c>smartlic asa</c> in script mode
/// (stdin redirected). Each script is one console session; state carries over through the folder.
/// </summary>
public sealed partial class AsaDevice : IDisposable
{
    private readonly AuthorityProcess _authority;

    public AsaDevice(AuthorityProcess authority, string model = "ASAv10")
    {
        _authority = authority;
        Model = model;
    }

    public string Model { get; }

    /// <summary>Throughput level the setup commands request; it must match <see cref="Model"/> (2G for an ASAv30).</summary>
    public string ThroughputLevel { get; init; } = "1G";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("smartlic-e2e-asa-").FullName;

    /// <summary>
    /// Commands that enter privileged EXEC (an empty line answers the enable password prompt),
    /// point call-home at the test server and request the Standard tier at <see cref="ThroughputLevel"/>.
    /// </summary>
    public string SetupCommands =>
        $"""
        enable

        configure terminal
        call-home
        profile License
        destination address http {_authority.DeviceEndpoint}
        exit
        exit
        license smart
        feature tier standard
        throughput level {ThroughputLevel}
        exit

        """.ReplaceLineEndings("\n");

    public Task<ProcessResult> RunAsync(string script) =>
        ProcessRunner.RunAsync(
            ["asa", "--data", DataDirectory, "--model", Model, "--trustpool", _authority.CaFile],
            script.ReplaceLineEndings("\n"),
            TimeSpan.FromSeconds(120));

    /// <summary>Runs the setup commands, then the given lines, then <c>show license all</c>.</summary>
    public Task<ProcessResult> RunConfiguredAsync(params string[] lines)
    {
        var script = new StringBuilder(SetupCommands);
        foreach (var line in lines)
        {
            script.Append(line).Append('\n');
        }

        return RunAsync(script.ToString());
    }

    /// <summary>Reads the UDI from <c>show license udi</c>.</summary>
    public async Task<string> ReadUdiAsync()
    {
        var result = await RunAsync("show license udi\n");
        var match = UdiPattern().Match(result.Output);
        Assert.True(match.Success, "No UDI in the output." + Environment.NewLine + result.Describe());
        return match.Groups["udi"].Value;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleanup.
        }
    }

    [GeneratedRegex(@"UDI:\s*(?<udi>PID:[^,\s]+,SN:\S+)")]
    private static partial Regex UdiPattern();
}
