using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.FollowUps;

public static class FollowUpServices
{
    /// <summary>The reminder timer; "FollowUps:Reminders:Enabled" = false turns it off (tests run the scan themselves).</summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpReminderOptions>().Bind(configuration.GetSection("FollowUps:Reminders"));
        services.AddHostedService<FollowUpReminderService>();
        return services;
    }
}
