using SmartLicensing.Cli;

// Composition root: the real console, environment and clock are bound here and nowhere else.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await CliApp.RunAsync(args, CliContext.FromSystemConsole(), cancellation.Token);
