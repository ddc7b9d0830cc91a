using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Server.Leases;

namespace SmartLicensing.Server.Compliance;

/// <summary>Runs the compliance checks on the node that holds the background-jobs lease.</summary>
internal sealed class ComplianceJob(ComplianceOptions options) : ILeasedJob
{
    public string Name => "compliance";

    public TimeSpan Interval => options.Interval;

    public Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ComplianceRunner>().RunAsync(services, cancellationToken);
}
