using SmartLicensing.Agent;
using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Asa.Cli;

/// <summary>
/// One console session of an emulated ASAv: boots the device, reads command lines, keeps the
/// running configuration and drives the Smart Agent. In interactive mode, licensing exchanges run
/// in the background and a loop runs the agent's scheduled work. In script mode, each exchange
/// and the scheduled work finish before the next line is read.
/// </summary>
internal sealed partial class AsaSession : IAsyncDisposable
{
    private static readonly TimeSpan ScheduleTick = TimeSpan.FromSeconds(1);

    private readonly DeviceContext _device;
    private readonly TextReader _input;
    private readonly SessionOutput _output;
    private readonly bool _interactive;
    private readonly SyslogBuffer _syslog = new();
    private readonly SemaphoreSlim _exchangeLock = new(1, 1);
    private readonly Lock _backgroundLock = new();
    private readonly List<Task> _background = [];
    private readonly Dictionary<CliMode, CommandGrammar> _grammars;

    private ILicensingAgent? _agent;
    private TransportSettings? _appliedTransport;
    private IReadOnlyList<EntitlementRequest>? _appliedEntitlements;
    private bool _replaying;
    private bool _endRequested;
    private DateTimeOffset _bootTime;
    private DateTimeOffset? _configModifiedAt;

    public AsaSession(DeviceContext device, TextReader input, TextWriter output, bool interactive)
    {
        _device = device;
        _input = input;
        _output = new SessionOutput(output);
        _interactive = interactive;
        _grammars = BuildGrammars(device.Catalog);
    }

    public CliMode Mode { get; private set; } = CliMode.UserExec;

    public RunningConfig Config { get; private set; } = RunningConfig.Default;

    public string Prompt => Mode.Prompt(Config.Hostname);

    public IReadOnlyList<string> SyslogLines => _syslog.Snapshot();

    private ILicensingAgent Agent => _agent ?? throw new InvalidOperationException("The device has not booted.");

    private DateTimeOffset Now => _device.TimeProvider.GetUtcNow();

    /// <summary>Boots the device and runs commands until the input ends or <c>exit</c> ends the session.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await BootAsync(cancellationToken);
        using var scheduleCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var schedule = _interactive ? RunScheduleLoopAsync(scheduleCancellation.Token) : Task.CompletedTask;
        try
        {
            while (!_endRequested)
            {
                if (_interactive)
                {
                    _output.Write(Prompt);
                }

                var line = await _input.ReadLineAsync(cancellationToken);
                if (line is null)
                {
                    break;
                }

                if (!_interactive)
                {
                    await RunExchangeAsync((agent, ct) => agent.RunDueWorkAsync(ct), cancellationToken);
                }

                await ExecuteLineAsync(line, cancellationToken);
            }
        }
        finally
        {
            await scheduleCancellation.CancelAsync();
            await schedule.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            await WaitForBackgroundAsync();
        }
    }

    /// <summary>Parses and runs one command line in the current mode.</summary>
    public async Task ExecuteLineAsync(string line, CancellationToken cancellationToken)
    {
        var tokens = CommandToken.Split(line);
        if (tokens.Count == 0 || tokens[0].Text[0] is '!' or ':')
        {
            return;
        }

        if (tokens.Count == 1 && tokens[0].Text is "?" or "help")
        {
            ShowHelp();
            return;
        }

        var (outcome, mode) = Resolve(tokens);
        if (outcome.Status != ParseStatus.Matched && TryShowContextHelp(line, tokens))
        {
            return;
        }

        switch (outcome.Status)
        {
            case ParseStatus.Invalid:
                ReportInvalidInput(line, tokens[outcome.TokenIndex].Start);
                return;

            case ParseStatus.Incomplete when IsAmbiguousLoneWord(tokens):
                _output.WriteLine($"ERROR: % Ambiguous command:  \"{line.Trim()}\"");
                return;

            case ParseStatus.Incomplete:
                _output.WriteLine("ERROR: % Incomplete command");
                return;

            case ParseStatus.Ambiguous:
                _output.WriteLine($"ERROR: % Ambiguous command:  \"{line.Trim()}\"");
                return;
        }

        var command = outcome.Command!;
        if (_replaying && command.KeepsMode)
        {
            _output.WriteLine($"ERROR: '{line.Trim()}' is not a configuration command; it was skipped.");
            return;
        }

        if (!command.KeepsMode)
        {
            Mode = mode;
        }

        await command.Handler(this, outcome.Invocation!, cancellationToken);
    }

    /// <summary>Lists the first words of the commands this mode accepts, its parent modes' included.</summary>
    private void ShowHelp()
    {
        var keywords = new SortedSet<string>(StringComparer.Ordinal);
        for (CliMode? mode = Mode; mode is { } current && (current == Mode || current != CliMode.PrivilegedExec); mode = current.Parent())
        {
            keywords.UnionWith(_grammars[current].FirstKeywords());
        }

        foreach (var keyword in keywords)
        {
            _output.WriteLine("  " + keyword);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await WaitForBackgroundAsync();
        DisposeAgent();
        _exchangeLock.Dispose();
    }

    /// <summary>
    /// Matches the line in the current mode, then in the parent configuration modes, as the ASA
    /// does. When nothing matches, the attempt that got furthest names the error.
    /// </summary>
    private (ParseOutcome Outcome, CliMode Mode) Resolve(IReadOnlyList<CommandToken> tokens)
    {
        var best = _grammars[Mode].Parse(tokens);
        var bestMode = Mode;
        if (best.Status == ParseStatus.Matched)
        {
            return (best, bestMode);
        }

        for (var mode = Mode.Parent(); mode is { } parent && parent != CliMode.PrivilegedExec; mode = parent.Parent())
        {
            var outcome = _grammars[parent].Parse(tokens);
            if (outcome.Status == ParseStatus.Matched)
            {
                return (outcome, parent);
            }

            if (outcome.TokenIndex > best.TokenIndex)
            {
                (best, bestMode) = (outcome, parent);
            }
        }

        return (best, bestMode);
    }

    /// <summary>
    /// Prints the ASA's invalid-input error with a caret under the first wrong word. At an
    /// interactive prompt the caret counts the prompt; otherwise the line is echoed first.
    /// </summary>
    private void ReportInvalidInput(string line, int column)
    {
        if (_interactive && !_replaying)
        {
            column += Prompt.Length;
        }
        else
        {
            _output.WriteLine(line.TrimEnd());
        }

        _output.WriteLine(new string(' ', column) + "^");
        _output.WriteLine("ERROR: % Invalid input detected at '^' marker.");
    }

    private async Task BootAsync(CancellationToken cancellationToken)
    {
        _bootTime = Now;
        _configModifiedAt = null;
        _syslog.Clear();
        var platform = _device.Platform;
        _output.WriteLine($"Cisco Adaptive Security Appliance Software Version {AsaVersion.Software}");
        _output.WriteLine(platform.Firepower is { } firepower
            ? FormattableString.Invariant($"Booting the ASA application on {firepower.Model} ({platform.Modules} module{(platform.Modules == 1 ? "" : "s")}), serial number {_device.SerialNumber}")
            : FormattableString.Invariant(
                $"Booting {platform.Model.Model}: {platform.Vcpus} vCPU{(platform.Vcpus == 1 ? "" : "s")}, {platform.MemoryMb} MB RAM, serial number {_device.SerialNumber}"));

        await LoadStartupConfigAsync(cancellationToken);

        _agent = _device.AgentFactory(new SmartAgentOptions
        {
            Udi = _device.Udi,
            StatePath = _device.Store.AgentStatePath,
            TrustedRoots = _device.Trustpool,
            ProductName = _device.Platform.ProductId,
            ProductVersion = AsaVersion.Software,
        });
        _agent.EventRaised += OnAgentEvent;
        _appliedTransport = null;
        _appliedEntitlements = null;
        ApplyLicensing();
        CheckReservationModel();
        ResetEncryptionAtBoot();
        ResetLab();

        Mode = CliMode.UserExec;
        _output.WriteLine();
        if (_interactive)
        {
            _output.WriteLine("Type help or '?' for a list of available commands.");
        }
    }

    private async Task LoadStartupConfigAsync(CancellationToken cancellationToken)
    {
        Config = RunningConfig.Default;
        var saved = _device.Store.ReadStartupConfig();
        if (saved is null)
        {
            _output.WriteLine("No startup-config found; using the default configuration.");
            return;
        }

        _output.WriteLine("Reading the startup-config.");
        _replaying = true;
        Mode = CliMode.Config;
        try
        {
            foreach (var line in saved.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("ASA Version", StringComparison.OrdinalIgnoreCase)
                    || trimmed.StartsWith("Cryptochecksum", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                await ExecuteLineAsync(line.TrimEnd('\r'), cancellationToken);
            }
        }
        finally
        {
            _replaying = false;
            Mode = CliMode.UserExec;
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await WaitForBackgroundAsync();
        await _exchangeLock.WaitAsync(cancellationToken);
        try
        {
            _output.WriteLine();
            _output.WriteLine("***");
            _output.WriteLine("*** --- START GRACEFUL SHUTDOWN ---");
            _output.WriteLine("Shutting down Smart Licensing");
            _output.WriteLine("Rebooting....");
            _output.WriteLine();
            DisposeAgent();
            await BootAsync(cancellationToken);
        }
        finally
        {
            _exchangeLock.Release();
        }
    }

    private void DisposeAgent()
    {
        if (_agent is null)
        {
            return;
        }

        _agent.EventRaised -= OnAgentEvent;
        _agent.Dispose();
        _agent = null;
    }

    /// <summary>Applies a configuration change and passes changed licensing settings to the agent.</summary>
    private void ChangeConfig(RunningConfig updated)
    {
        if (updated == Config)
        {
            return;
        }

        Config = updated;
        if (!_replaying)
        {
            _configModifiedAt = Now;
        }

        ApplyLicensing();
    }

    private void ApplyLicensing()
    {
        if (_agent is null)
        {
            return;
        }

        var transport = LicenseRequest.Transport(Config.CallHome);
        if (transport != _appliedTransport)
        {
            _agent.SetTransport(transport);
            _appliedTransport = transport;
        }

        var entitlements = LicenseRequest.Entitlements(Config, _device.Platform, _device.Catalog);
        if (_appliedEntitlements is null || !entitlements.SequenceEqual(_appliedEntitlements))
        {
            _agent.SetRequestedEntitlements(entitlements);
            _appliedEntitlements = entitlements;
        }
    }

    private void OnAgentEvent(object? sender, AgentEvent agentEvent)
    {
        var line = SyslogMessages.Format(agentEvent);
        _syslog.Add(agentEvent.Time, line);
        _output.WriteLine(line);
        ObserveEncryption();
    }

    /// <summary>Runs one exchange with the license server; exchanges never overlap.</summary>
    private async Task RunExchangeAsync(Func<ILicensingAgent, CancellationToken, Task> exchange, CancellationToken cancellationToken)
    {
        await _exchangeLock.WaitAsync(cancellationToken);
        try
        {
            if (_agent is { } agent)
            {
                await exchange(agent, cancellationToken);
            }
        }
        finally
        {
            _exchangeLock.Release();
        }
    }

    /// <summary>Starts an exchange: awaited in script mode, in the background at an interactive prompt.</summary>
    private Task StartExchangeAsync(Func<ILicensingAgent, CancellationToken, Task> exchange, CancellationToken cancellationToken)
    {
        if (!_interactive)
        {
            return RunExchangeAsync(exchange, cancellationToken);
        }

        var task = Task.Run(
            async () =>
            {
                try
                {
                    await RunExchangeAsync(exchange, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The session is closing; the exchange is abandoned with it.
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The prompt has moved on, so the fault can only be reported on the console.
                    _output.WriteLine($"ERROR: Smart Licensing operation failed: {ex.Message}");
                }
            },
            CancellationToken.None);
        lock (_backgroundLock)
        {
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(task);
        }

        return Task.CompletedTask;
    }

    private async Task WaitForBackgroundAsync()
    {
        Task[] pending;
        lock (_backgroundLock)
        {
            pending = [.. _background];
            _background.Clear();
        }

        await Task.WhenAll(pending);
    }

    /// <summary>Runs the agent's scheduled work (renewals, retries, expiry) whenever it is due.</summary>
    private async Task RunScheduleLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(ScheduleTick, _device.TimeProvider, cancellationToken);
            if (_agent?.NextDueTime is not { } due || due > Now)
            {
                continue;
            }

            try
            {
                await RunExchangeAsync((agent, ct) => agent.RunDueWorkAsync(ct), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // Keep the schedule alive: the next tick retries, and the fault is shown on the console.
                _output.WriteLine($"ERROR: Smart Licensing scheduled work failed: {ex.Message}");
            }
        }
    }
}
