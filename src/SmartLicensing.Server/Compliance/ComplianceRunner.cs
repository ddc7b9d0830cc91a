using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SmartLicensing.Server.Compliance;

/// <summary>
/// Runs <see cref="ComplianceSweep"/> one at a time on this node, whether the background job or
/// a lab clock move started it. Each run works from fresh rows; a run that loses a race on a
/// balance row starts again.
/// </summary>
public sealed class ComplianceRunner : IDisposable
{
    private const int MaxAttempts = 3;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="services">A scope; the sweep's store is taken from it.</param>
    /// <param name="cancellationToken">Cancelled when the server stops or the caller hangs up.</param>
    public async Task<ComplianceReport> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var sweep = services.GetRequiredService<ComplianceSweep>();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await sweep.RunAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
                {
                    sweep.Reset();
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
