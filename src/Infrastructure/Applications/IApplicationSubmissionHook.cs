using LoanSaaS.Domain.Applications;
using LoanSaaS.Infrastructure.Persistence;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>
/// Runs inside <c>SubmitApplication</c> after the admission rules passed and before its one save: the approval flow
/// starts (or, after a return for more documents, resumes) here, in the same transaction as the status change. And
/// inside <c>WithdrawApplication</c>: the running approval stops.
/// </summary>
public interface IApplicationSubmissionHook
{
    /// <param name="resubmission">True when the application comes back from <see cref="ApplicationStatus.Returned"/>.</param>
    /// <exception cref="SubmissionRefusedException">The hook refuses the submission; nothing may be saved.</exception>
    Task OnSubmittingAsync(AgencyDbContext db, LoanApplication application, bool resubmission, string actorId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Before <c>WithdrawApplication</c>'s one save: open approval tasks are cancelled.</summary>
    Task OnWithdrawingAsync(AgencyDbContext db, LoanApplication application, string actorId, DateTimeOffset now, CancellationToken ct) => Task.CompletedTask;

    /// <summary>After the submission's or withdrawal's save committed: live events and other announcements go here.</summary>
    Task OnCommittedAsync(LoanApplication application, CancellationToken ct) => Task.CompletedTask;
}
