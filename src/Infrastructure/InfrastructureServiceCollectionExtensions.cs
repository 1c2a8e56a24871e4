using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Demo;
using LoanSaaS.Infrastructure.Imports;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Live;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Platform;
using LoanSaaS.Infrastructure.Provisioning;
using LoanSaaS.Infrastructure.Scheduling;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Provisioning;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LoanSaaS.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
            services.AddSingleton<ILiveEvents, RedisLiveEvents>();
            services.AddSingleton<IPresence, RedisPresence>();
        }
        services.AddTenancy(configuration);
        services.AddOptions<PlatformAdminOptions>().Bind(configuration.GetSection("Platform"));

        services.AddSingleton<AuditLog>();
        services.AddSingleton<TenantScopes>();
        services.AddSingleton<ITenantDatabaseInitializer, TenantDatabaseInitializer>();
        services.AddScoped<ITenantDbContextFactory, TenantDbContextFactory>();
        // Identity's stores need a DbContext from DI; it is the agency of the scope (request, or a TenantScopes scope).
        services.AddScoped<AgencyDbContext>(sp => sp.GetRequiredService<ITenantDbContextFactory>().Create());

        services.AddIdentityCore<AgencyUser>(o =>
            {
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddEntityFrameworkStores<AgencyDbContext>()
            .AddClaimsPrincipalFactory<AgencyClaimsFactory>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));

        services.AddSingleton<PlatformAdmins>();
        services.AddSingleton<DemoAgencySeeder>();
        // Use cases with several operations (no single HandleAsync) are registered by hand.
        services.AddScoped<ManageTeams>();
        services.AddScoped<ManageAgencyState>();
        services.AddUseCases();
        services.AddTransient<Funnels.BoardSession>();
        services.AddSingleton<Funnels.BoardFeed>();
        services.AddLeadImports();

        services.AddOptions<PersonalDataOptions>().Bind(configuration.GetSection("PersonalData"));
        services.AddSingleton<MasterKey>();
        services.AddSingleton<TenantKeyRing>();
        services.AddScoped<TenantPersonalData>();
        services.AddScheduling(configuration);
        Automation.AutomationServices.AddAutomation(services, configuration);
        FollowUps.FollowUpServices.AddFollowUps(services, configuration);
        Reclaim.ReclaimServices.AddReclaim(services, configuration);
        Approvals.ApprovalServices.AddApprovals(services, configuration);
        Apply.ApplyServices.AddApplyForm(services, configuration);
        Credit.CreditServices.AddCreditReports(services, configuration);
        Progress.ProgressServices.AddProgressLinks(services, configuration);
        return services;
    }
}
