using LoanSaaS.Tenancy.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace LoanSaaS.Infrastructure.Scheduling;

public static class SchedulingServices
{
    /// <summary>Quartz on a persistent, clustered store in the catalog database; sweeps and occurrences on top ("Scheduler" section).</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Scheduler").Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection("Scheduler"));
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.CatalogConnectionString ??= configuration.GetConnectionString("Catalog");

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = options.Name;
                if (options.InstanceId == "AUTO") s.GenerateInstanceId = true;
                else s.InstanceId = options.InstanceId;
                s.ShutdownJobInterruption = ShutdownJobInterruption.Always;
                s.IdleWaitTime = options.IdleWaitTime;
            });
            // Quartz fires on real time; jobs hand the app's TimeProvider "now" to sweeps and handlers.
            q.UseTimeProvider(TimeProvider.System);
            q.UseDefaultThreadPool(options.MaxConcurrency);
            q.UsePersistentStore(store => SchedulerStore.Configure(store, database, options));
        });
        services.AddSingleton<SweepInstaller>();
        services.AddHostedService<SchedulerHost>();
        services.AddScoped<ScheduledRun>();
        services.TryAddSingleton<IOccurrenceScheduler, QuartzOccurrenceScheduler>();
        return services;
    }

    /// <summary>Runs <typeparamref name="T"/> every <see cref="ISweep.Interval"/> on one node of the cluster at a time.</summary>
    public static IServiceCollection AddSweep<T>(this IServiceCollection services) where T : class, ISweep
    {
        services.TryAddScoped<T>();
        services.AddScoped<ISweep>(sp => sp.GetRequiredService<T>());
        return services;
    }

    public static IServiceCollection AddOccurrenceHandler<T>(this IServiceCollection services) where T : class, IOccurrenceHandler
    {
        services.TryAddScoped<T>();
        services.AddScoped<IOccurrenceHandler>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
