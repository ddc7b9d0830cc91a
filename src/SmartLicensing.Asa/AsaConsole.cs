using SmartLicensing.Agent;
using SmartLicensing.Asa.Cli;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Asa.Storage;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa;

/// <summary>The console of an emulated ASAv.</summary>
public static class AsaConsole
{
    /// <summary>Exit code for options that describe no valid device.</summary>
    public const int InvalidOptionsExitCode = 2;

    /// <summary>Exit code when the session was cancelled.</summary>
    public const int CancelledExitCode = 130;

    /// <summary>
    /// Boots the device and runs its CLI until the input ends or <c>exit</c> ends the session;
    /// returns the process exit code (0, or 2 after an <c>ERROR:</c> line for invalid options).
    /// </summary>
    /// <param name="options">Data folder and virtual machine.</param>
    /// <param name="input">Command lines.</param>
    /// <param name="output">Console output.</param>
    /// <param name="interactive">
    /// True when a person types at a terminal: prompts are printed and licensing exchanges run in
    /// the background. False for scripts: each exchange finishes before the next line is read.
    /// </param>
    /// <param name="timeProvider">Device clock.</param>
    /// <param name="cancellationToken">Ends the session.</param>
    public static Task<int> RunAsync(
        AsaOptions options,
        TextReader input,
        TextWriter output,
        bool interactive,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);

        // The agent schedules from the device clock, which 'clock set' moves.
        var deviceClock = DeviceClock.Create(timeProvider, options.DataDirectory);
        return RunAsync(
            options,
            input,
            output,
            interactive,
            deviceClock,
            agentOptions => new SmartAgentAdapter(new SmartAgent(agentOptions, deviceClock)),
            cancellationToken);
    }

    internal static async Task<int> RunAsync(
        AsaOptions options,
        TextReader input,
        TextWriter output,
        bool interactive,
        TimeProvider timeProvider,
        LicensingAgentFactory agentFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(agentFactory);

        var device = Prepare(options, DeviceClock.Create(timeProvider, options.DataDirectory), agentFactory, out var error);
        if (device is null)
        {
            var message = string.IsNullOrEmpty(error) ? "the options describe no device." : error;
            await output.WriteLineAsync("ERROR: " + char.ToUpperInvariant(message[0]) + message[1..]);
            await output.FlushAsync(CancellationToken.None);
            return InvalidOptionsExitCode;
        }

        var session = new AsaSession(device, input, output, interactive);
        try
        {
            await session.RunAsync(cancellationToken);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CancelledExitCode;
        }
        finally
        {
            await session.DisposeAsync();
        }
    }

    /// <summary>Checks the options and opens the data folder; returns null with a message naming the value and the fix.</summary>
    internal static DeviceContext? Prepare(AsaOptions options, TimeProvider timeProvider, LicensingAgentFactory agentFactory, out string? error)
    {
        var catalog = LoadCatalog(options.CatalogFile, out error);
        if (catalog is null)
        {
            return null;
        }

        var resolution = FirepowerResolver.IsFirepower(options.Platform)
            ? FirepowerResolver.Resolve(options.Platform!, options.Model, options.Modules, catalog)
            : PlatformResolver.Resolve(options.Model, options.Vcpus, options.Memory, catalog);
        if (resolution.Platform is null)
        {
            error = resolution.Error;
            return null;
        }

        if (!Hypervisors.TryNormalize(options.Hypervisor, out var hypervisor, out error))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            error = "the data directory is empty. Give the folder where the device keeps its files.";
            return null;
        }

        var store = DeviceStore.TryOpen(options.DataDirectory, out error);
        if (store is null)
        {
            return null;
        }

        var trustpool = store.LoadTrustpool(options.TrustpoolFile, out error);
        if (trustpool is null)
        {
            return null;
        }

        var serialNumber = store.LoadOrCreateSerialNumber(out error);
        if (serialNumber is null)
        {
            return null;
        }

        return new DeviceContext(resolution.Platform with { Hypervisor = hypervisor }, catalog, store, serialNumber, trustpool, agentFactory, timeProvider);
    }

    private static ProductCatalog? LoadCatalog(string? catalogFile, out string? error)
    {
        error = null;
        if (catalogFile is null)
        {
            return CatalogLoader.BuiltIn;
        }

        try
        {
            return CatalogLoader.LoadFile(catalogFile);
        }
        catch (CatalogException ex)
        {
            error = "cannot load the product catalog: " + ex.Message;
            return null;
        }
    }
}
