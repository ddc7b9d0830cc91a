using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartLicensing.Server.Clock;

/// <summary>Logs at start that the server runs on a lab clock, so a server log never hides it.</summary>
internal sealed class LabClockNotice(LabClock clock, ILogger<LabClockNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ClockLog.Enabled(logger, clock.GetUtcNow(), clock.Offset);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
