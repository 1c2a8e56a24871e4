using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>
/// Who reaches an application: its sales side through the data scope of leads (own / team / all), reviewers
/// (<see cref="Permission.ApproveApplications"/>) to read and review any. Anything else — another member's, another
/// agency's — is "not found".
/// </summary>
public static class ApplicationAccess
{
    public static readonly FieldError NotFound = new("Application", "NotFound");
    public static readonly FieldError ChangedByOthers = new("Application", "ChangedByOthers");
    public static readonly FieldError NotEditable = new("Application", "NotEditable");

    /// <summary>Applications the member works on: owned by them, their team's (manager) or all (agency-wide roles).</summary>
    public static IQueryable<LoanApplication> WorkableBy(this IQueryable<LoanApplication> applications, CurrentUser user) => user.Scope switch
    {
        DataScope.All => applications,
        DataScope.Team when user.TeamId is { } team => applications.Where(a => a.TeamId == team || a.OwnerId == user.UserId),
        _ => applications.Where(a => a.OwnerId == user.UserId),
    };

    /// <summary>Applications the member may read: those they work on, and every one for a reviewer.</summary>
    public static IQueryable<LoanApplication> VisibleTo(this IQueryable<LoanApplication> applications, CurrentUser user) =>
        user.Can(Permission.ApproveApplications) ? applications : applications.WorkableBy(user);

    public static bool CanWork(this CurrentUser user, LoanApplication application) => user.CanSee(application.OwnerId, application.TeamId);

    public static AuditActor Actor(CurrentUser user) => new(user.UserId, user.FullName);

    public static void Touch(LoanApplication application, DateTimeOffset now)
    {
        application.UpdatedAt = now;
        application.Version++;
    }

    public static Task<Result> SaveAsync(DbContext db, CancellationToken ct) => ConcurrentSave.SaveAsync(db, ct, ChangedByOthers);

    /// <summary>After the commit: pages showing the application re-read it; the customer's page and board card re-read the lead.</summary>
    public static async Task PublishChangedAsync(ILiveEvents live, TenantContext tenant, LoanApplication application, CancellationToken ct)
    {
        var agency = tenant.Required.Id;
        await live.PublishAsync(ApplicationEvents.Topic(agency), ApplicationEvents.Changed(application.Id, application.LeadId), ct);
        await live.PublishAsync(LeadEvents.Topic(agency), LeadEvents.Changed(1, application.LeadId), ct);
    }

    /// <summary>An <c>application.{action}</c> entry on the application: its timeline reads them back.</summary>
    public static void Audit(AuditLog audit, AgencyDbContext db, CurrentUser user, string action, LoanApplication application, object? details) =>
        audit.Add(db, Actor(user), "application." + action, "application", application.Id.ToString(), details);
}
