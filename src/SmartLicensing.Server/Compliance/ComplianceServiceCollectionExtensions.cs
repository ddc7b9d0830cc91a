using Microsoft.Extensions.DependencyInjection;
using SmartLicensing.Server.Alerts;
using SmartLicensing.Server.Leases;

namespace SmartLicensing.Server.Compliance;

public static class ComplianceServiceCollectionExtensions
{
    /// <summary>Adds alerts and the compliance checks, run as a background job under the lease of <see cref="LeaseServiceCollectionExtensions.AddDatabaseLease"/>.</summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services, ComplianceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddSingleton(options ?? new ComplianceOptions());
        services.AddScoped<AlertService>();
        services.AddScoped<ComplianceSweep>();
        services.AddSingleton<ComplianceRunner>();
        services.AddSingleton<ILeasedJob, ComplianceJob>();
        return services;
    }
}
