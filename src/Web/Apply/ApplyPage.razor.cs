using System.Globalization;
using LoanSaaS.Domain.People;
using LoanSaaS.Infrastructure.Apply;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Web.Forms;
using LoanSaaS.Web.Leads;
using LoanSaaS.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace LoanSaaS.Web.Apply;

/// <summary>
/// The public application form (ADR 0006): interactive, so the estimate follows every keystroke; anonymous; submits
/// through <see cref="SubmitApplication"/>, which validates again and applies the limits.
/// </summary>
public partial class ApplyPage
{
    private static readonly int[] Terms = [3, 6, 12, 18, 24, 36, 48, 60, 120, 240, 360];

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>
    /// The visitor's address, read from the page request while prerendering and carried into the circuit in the
    /// protected component state (circuits have no trustworthy HttpContext of their own).
    /// </summary>
    [PersistentState] public string? ClientAddress { get; set; }

    private ApplicationForm? _form;
    private readonly FieldErrorSet _errors = new();
    private string? _name;
    private string? _mobile;
    private string? _city;
    private string? _loanType = "";
    private string? _amount;
    private int _term = 12;
    private string? _purpose;
    private string? _website;
    private bool _consent;
    private bool _consentOpen;
    private bool _busy;
    private bool _submitted;
    private bool _tooMany;
    private bool _showFix;

    private decimal? AmountWan =>
        decimal.TryParse(FullWidth.ToHalfWidth(_amount ?? "").Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var wan) && wan > 0 ? wan : null;

    private static string LanguageUrl =>
        $"/culture/set?culture={(CultureInfo.CurrentUICulture.Name == Cultures.English ? Cultures.Chinese : Cultures.English)}&redirect=/apply";

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext?.Connection.RemoteIpAddress is { } address) ClientAddress ??= address.ToString();
        if (TenantContext.Tenant is null) return;
        _form = await GetForm.HandleAsync(default);
    }

    private string TermText(int months) => months % 12 == 0 && months >= 12
        ? T["TermYears", months, months / 12].Value
        : T["TermMonths", months].Value;

    private void Edited(string field)
    {
        _errors.Clear(field);
        _showFix = _errors.All.Count > 0 && _showFix;
    }

    private void CheckMobile()
    {
        _errors.Clear("Mobile");
        if (!string.IsNullOrWhiteSpace(_mobile) && !ChinaMobile.IsValid(_mobile)) _errors.Set([.. _errors.All, new FieldError("Mobile", "Invalid")]);
    }

    private string? ErrorText(string field)
    {
        if (_errors.All.FirstOrDefault(e => e.Field == field) is not { } error) return null;
        return T[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } own ? own.Value : LeadText.Error(L, error);
    }

    private async Task SubmitAsync()
    {
        if (_busy || _form is null) return;
        _tooMany = false;
        var local = LocalErrors().ToList();
        if (local.Count > 0)
        {
            _errors.Set(local);
            _showFix = true;
            return;
        }
        _busy = true;
        try
        {
            var result = await Submit.HandleAsync(new ApplicationRequest(
                _name, _mobile, _city, string.IsNullOrEmpty(_loanType) ? null : _loanType, _amount, _term.ToString(CultureInfo.InvariantCulture),
                _purpose, _consent, _form.ConsentVersion, _website, ClientAddress), default);
            _errors.Set(result.Errors);
            _showFix = result.Status == ApplicationStatus.Invalid;
            _tooMany = result.Status == ApplicationStatus.TooManyRequests;
            _submitted = result.Status == ApplicationStatus.Submitted;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The checks a visitor should not need a round trip for; the use case checks everything again.</summary>
    private IEnumerable<FieldError> LocalErrors()
    {
        if (string.IsNullOrWhiteSpace(_name)) yield return new FieldError("Name", "Required");
        if (string.IsNullOrWhiteSpace(_mobile)) yield return new FieldError("Mobile", "Required");
        else if (!ChinaMobile.IsValid(_mobile)) yield return new FieldError("Mobile", "Invalid");
        if (!string.IsNullOrWhiteSpace(_amount) && AmountWan is null) yield return new FieldError("Amount", "NotNumber");
        if (!_consent) yield return new FieldError("Consent", "Required");
    }

    private void StartOver()
    {
        _submitted = false;
        _name = _mobile = _city = _amount = _purpose = null;
        _loanType = "";
        _consent = false;
        _errors.Set([]);
    }
}
