namespace SmartLicensing.Asa.Cli;

/// <summary>The console: command output and syslog lines from background exchanges share it, so writes are serialized.</summary>
internal sealed class SessionOutput(TextWriter writer)
{
    private readonly Lock _lock = new();

    public void Write(string text)
    {
        lock (_lock)
        {
            writer.Write(text);
            writer.Flush();
        }
    }

    public void WriteLine(string line = "") => Write(line + "\n");
}
