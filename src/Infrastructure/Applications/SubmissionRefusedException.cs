using LoanSaaS.Infrastructure.Common;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>
/// Thrown by an <see cref="IApplicationSubmissionHook"/> that refuses the submission (e.g. Approval.NoPublishedFlow);
/// <c>SubmitApplication</c> answers it as a refusal with <see cref="Error"/> and saves nothing.
/// </summary>
public sealed class SubmissionRefusedException(FieldError error) : Exception($"{error.Field}.{error.Code}")
{
    public FieldError Error { get; } = error;
}
