using LoanSaaS.Domain.Time;

namespace LoanSaaS.Domain.Tenancy;

public static class Plans
{
    public const string Trial = "trial";
    public const int TrialDays = 14;

    /// <summary>Last day of the trial: the Shanghai calendar date of sign-up plus <see cref="TrialDays"/>.</summary>
    public static DateOnly TrialEnd(DateTimeOffset signedUpUtc) => Shanghai.DateOf(signedUpUtc).AddDays(TrialDays);
}
