namespace LoanSaaS.Domain.Team;

public enum PasswordProblem
{
    TooShort,
    NeedsLetter,
    NeedsDigit,
    TooCommon,
}
