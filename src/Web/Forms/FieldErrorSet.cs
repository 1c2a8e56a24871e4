using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Web.Localization;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Forms;

/// <summary>The last use-case errors of a form, by field; a field's errors go away as soon as it is edited.</summary>
public sealed class FieldErrorSet
{
    private List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public void Set(IEnumerable<FieldError> errors) => _errors = errors.ToList();

    public void Clear(string field) => _errors.RemoveAll(e => e.Field == field);

    public bool Has(string field) => _errors.Exists(e => e.Field == field);

    public string? Text(string field, IStringLocalizer<ErrorText> localizer) => Text(field, e => localizer[e.Code].Value);

    /// <summary>A field's errors in words, each worded by a feature's own texts (e.g. <c>e => FollowUpText.Error(T, e)</c>).</summary>
    public string? Text(string field, Func<FieldError, string> word) =>
        Has(field) ? string.Join(" ", _errors.Where(e => e.Field == field).Select(word).Distinct()) : null;
}
