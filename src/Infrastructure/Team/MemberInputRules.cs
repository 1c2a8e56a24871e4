using System.Net.Mail;
using LoanSaaS.Domain.People;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using Microsoft.AspNetCore.Identity;

namespace LoanSaaS.Infrastructure.Team;

/// <summary>Validation shared by sign-up and team management; codes are localized by the UI.</summary>
public static class MemberInputRules
{
    public static void Name(string? name, List<FieldError> errors, string field = "FullName")
    {
        var n = PersonName.Normalize(name);
        if (n.Length == 0) errors.Add(new(field, "Required"));
        else if (n.Length > 50) errors.Add(new(field, "TooLong"));
    }

    public static void Mobile(string? mobile, List<FieldError> errors, string field = "Mobile")
    {
        if (string.IsNullOrWhiteSpace(mobile)) errors.Add(new(field, "Required"));
        else if (!ChinaMobile.IsValid(mobile)) errors.Add(new(field, "MobileInvalid"));
    }

    public static void Email(string? email, List<FieldError> errors, string field = "Email")
    {
        if (string.IsNullOrWhiteSpace(email)) errors.Add(new(field, "Required"));
        else if (!IsEmail(email.Trim())) errors.Add(new(field, "EmailInvalid"));
    }

    public static void Password(string? password, List<FieldError> errors, string field = "Password") =>
        errors.AddRange(PasswordRules.Check(password).Select(p => new FieldError(field, "Password" + p)));

    public static bool IsEmail(string email) =>
        email.Length <= 256 && MailAddress.TryCreate(email, out var a) && a.Address == email && email.Contains('.', StringComparison.Ordinal);

    public static IReadOnlyList<FieldError> FromIdentity(IdentityResult result) =>
        result.Errors.Select(e => e.Code switch
        {
            "DuplicateEmail" or "DuplicateUserName" => new FieldError("Email", "EmailTaken"),
            "InvalidEmail" or "InvalidUserName" => new FieldError("Email", "EmailInvalid"),
            _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => new FieldError("Password", "PasswordWeak"),
            _ => new FieldError("", e.Code),
        }).Distinct().ToList();
}
