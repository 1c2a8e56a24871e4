using LoanSaaS.Domain.Applications;
using LoanSaaS.Infrastructure.Common;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>The product rules' refusals as field errors, and the typed terms tidied for storing.</summary>
internal static class ApplicationInputs
{
    public static IReadOnlyList<FieldError> Errors(IReadOnlyList<ApplicationInputError> errors) => errors.Select(e => new FieldError(e.Field, e.Code)).ToList();

    public static string? Purpose(string? purpose) => string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim();
}
