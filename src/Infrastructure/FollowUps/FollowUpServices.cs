using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.FollowUps;

public static class FollowUpServices
{
    /// <summary>The reminder sweep; "FollowUps:Reminders:Enabled" = false leaves it unscheduled on this node.</summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("FollowUps:Reminders");
        services.AddOptions<FollowUpReminderOptions>().Bind(section);
        if (section.GetValue(nameof(FollowUpReminderOptions.Enabled), true))
            services.AddSweep<ReminderSweep>();
        return services;
    }
}
