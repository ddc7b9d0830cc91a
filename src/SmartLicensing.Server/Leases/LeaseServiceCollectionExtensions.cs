using Microsoft.Extensions.DependencyInjection;

namespace SmartLicensing.Server.Leases;

public static class LeaseServiceCollectionExtensions
{
    /// <summary>Adds the background-jobs lease, its runner and the heartbeat job; add further jobs as <see cref="ILeasedJob"/> singletons.</summary>
    public static IServiceCollection AddDatabaseLease(this IServiceCollection services, LeaseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddSingleton(options ?? new LeaseOptions());
        services.AddSingleton<IDatabaseLease>(provider => new DatabaseLease(
            DatabaseLeaseRecord.BackgroundJobs,
            provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<LeaseOptions>()));
        services.AddSingleton<HeartbeatJob>();
        services.AddSingleton<ILeasedJob>(provider => provider.GetRequiredService<HeartbeatJob>());
        services.AddHostedService<LeasedJobRunner>();
        return services;
    }
}
