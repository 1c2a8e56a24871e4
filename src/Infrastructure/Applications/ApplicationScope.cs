using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>
/// Which applications a member may work on: those of the owners in their data scope (own / team / all), and every one
/// for approvers (ApproveApplications). Anything else — another team's, another agency's — is "not found".
/// </summary>
public static class ApplicationScope
{
    public static readonly FieldError NotFound = new("Application", "NotFound");

    public static IQueryable<LoanApplication> VisibleTo(this IQueryable<LoanApplication> applications, CurrentUser user) =>
        user.Can(Permission.ApproveApplications) ? applications : applications.ManagedBy(user);

    /// <summary>The applications of the owners in the member's data scope only: what a sales person or manager acts for (progress links).</summary>
    public static IQueryable<LoanApplication> ManagedBy(this IQueryable<LoanApplication> applications, CurrentUser user) =>
        user.Scope == DataScope.All ? applications
        : user.Scope == DataScope.Team && user.TeamId is { } team ? applications.Where(a => a.TeamId == team || a.OwnerId == user.UserId)
        : applications.Where(a => a.OwnerId == user.UserId);
}
