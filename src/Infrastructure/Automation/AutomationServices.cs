using LoanSaaS.Infrastructure.Outbox;
using LoanSaaS.Infrastructure.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoanSaaS.Infrastructure.Automation;

public static class AutomationServices
{
    /// <summary>Event recording, the runner, the drain-on-save worker, the sweeps and the outbox's local channel ("Automation" section).</summary>
    public static IServiceCollection AddAutomation(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Automation");
        services.AddOptions<AutomationOptions>().Bind(section);
        services.AddSingleton<AutomationTriggerCache>();
        services.AddSingleton<AutomationSignal>();
        services.AddSingleton<AutomationHooks>();
        services.AddScoped<AutomationRunner>();
        services.AddScoped<ActiveAgencies>();
        services.AddSingleton<LocalMailbox>();
        services.TryAddSingleton<ISmsSender>(sp => sp.GetRequiredService<LocalMailbox>());
        services.TryAddSingleton<IEmailSender>(sp => sp.GetRequiredService<LocalMailbox>());
        if (section.GetValue(nameof(AutomationOptions.DrainOnSave), true)) services.AddHostedService<AutomationEventWorker>();
        services.AddSweep<AutomationEventSweep>();
        services.AddSweep<AutomationTimeSweep>();
        services.AddSweep<OutboxSweep>();
        return services;
    }
}
