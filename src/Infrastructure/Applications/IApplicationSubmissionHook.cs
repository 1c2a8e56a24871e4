using LoanSaaS.Domain.Applications;
using LoanSaaS.Infrastructure.Persistence;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>
/// Runs inside <c>SubmitApplication</c> after the admission rules passed and before its one save: the approval flow
/// starts (or, after a return for more documents, resumes) here, in the same transaction as the status change.
/// </summary>
public interface IApplicationSubmissionHook
{
    /// <param name="resubmission">True when the application comes back from <see cref="ApplicationStatus.Returned"/>.</param>
    /// <exception cref="SubmissionRefusedException">The hook refuses the submission; nothing may be saved.</exception>
    Task OnSubmittingAsync(AgencyDbContext db, LoanApplication application, bool resubmission, string actorId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Called by <c>SubmitApplication</c> after its save committed: live events and other announcements go here.</summary>
    Task OnSubmittedAsync(LoanApplication application, CancellationToken ct) => Task.CompletedTask;
}
