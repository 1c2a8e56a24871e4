using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.SignUp;
using Microsoft.AspNetCore.Components;

namespace LoanSaaS.Web.SignUp;

/// <summary>
/// The agency sign-up form. It validates with the server's own rules (<see cref="SignUpAgency.Validate"/>) as the user types,
/// shows server errors on their fields, and never clears what was typed. It calls nothing itself: the host page submits.
/// </summary>
public sealed partial class SignUpForm : IDisposable
{
    /// <summary>Field names as used by <see cref="FieldError.Field"/> and in the "signup-error-{Field}" test ids.</summary>
    public static class Fields
    {
        public const string AgencyName = nameof(SignUpRequest.AgencyName);
        public const string Slug = nameof(SignUpRequest.Slug);
        public const string OwnerName = nameof(SignUpRequest.OwnerName);
        public const string Mobile = nameof(SignUpRequest.Mobile);
        public const string Email = nameof(SignUpRequest.Email);
        public const string Password = nameof(SignUpRequest.Password);

        public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { AgencyName, Slug, OwnerName, Mobile, Email, Password };
    }

    private enum SlugAvailability { Unknown, Checking, Free, Taken }

    // Too short or empty is normal while typing a slug; wrong characters are worth saying at once.
    private static readonly HashSet<string> SlugCodesShownAfterTyping = ["SlugRequired", "SlugTooShort"];

    [Parameter] public EventCallback<SignUpRequest> OnSubmit { get; set; }

    /// <summary>Optional live availability check of a (valid, normalised) slug.</summary>
    [Parameter] public Func<string, Task<bool>>? IsSlugFree { get; set; }

    [Parameter] public IReadOnlyList<FieldError>? ServerErrors { get; set; }

    [Parameter] public bool Busy { get; set; }

    [Parameter] public string BaseDomain { get; set; } = "";

    /// <summary>Pause after the last keystroke before checking availability.</summary>
    [Parameter] public TimeSpan SlugCheckDelay { get; set; } = TimeSpan.FromMilliseconds(400);

    private readonly Model _model = new();
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private List<FieldError> _clientErrors = [];
    private List<FieldError> _serverErrors = [];
    private IReadOnlyList<FieldError>? _appliedServerErrors;
    private bool _submitted;
    private bool _showPassword;
    private SlugAvailability _slugAvailability;
    private CancellationTokenSource? _slugCheck;

    private bool SlugHasStatus => _slugAvailability is SlugAvailability.Checking or SlugAvailability.Free;

    private bool HasAnyError => Fields.All.Any(HasError) || FormErrors.Count > 0;

    private List<string> FormErrors =>
        _serverErrors.Where(e => !Fields.All.Contains(e.Field)).Select(e => E[e.Code].Value).Distinct().ToList();

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(ServerErrors, _appliedServerErrors)) return;
        _appliedServerErrors = ServerErrors;
        _serverErrors = ServerErrors?.ToList() ?? [];
        if (_serverErrors.Any(e => e.Field == Fields.Slug && e.Code == "SlugTaken"))
        {
            CancelSlugCheck();
            _slugAvailability = SlugAvailability.Taken;
        }
    }

    private void Change(string field, string? value)
    {
        value ??= "";
        switch (field)
        {
            case Fields.AgencyName: _model.AgencyName = value; break;
            case Fields.Slug: _model.Slug = SlugRules.Normalize(value); break;
            case Fields.OwnerName: _model.OwnerName = value; break;
            case Fields.Mobile: _model.Mobile = value; break;
            case Fields.Email: _model.Email = value; break;
            case Fields.Password: _model.Password = value; break;
        }
        _serverErrors.RemoveAll(e => e.Field == field);
        _clientErrors = SignUpAgency.Validate(_model.ToRequest());
        if (field == Fields.Slug) ScheduleSlugCheck();
    }

    private void Touch(string field)
    {
        // Leaving an empty field untouched is not an error yet; the submit attempt will say so.
        if (!string.IsNullOrEmpty(_model.Get(field))) _touched.Add(field);
    }

    private bool HasError(string field) => MessagesFor(field).Count > 0;

    private List<string> MessagesFor(string field)
    {
        var codes = _clientErrors
            .Where(e => e.Field == field && (_submitted || _touched.Contains(field) || (field == Fields.Slug && !SlugCodesShownAfterTyping.Contains(e.Code))))
            .Concat(_serverErrors.Where(e => e.Field == field))
            .Select(e => e.Code)
            .ToList();
        if (field == Fields.Slug && _slugAvailability == SlugAvailability.Taken) codes.Add("SlugTaken");
        return codes.Distinct().Select(c => E[c].Value).ToList();
    }

    private void TogglePassword() => _showPassword = !_showPassword;

    private async Task SubmitAsync()
    {
        if (Busy) return;
        _submitted = true;
        _clientErrors = SignUpAgency.Validate(_model.ToRequest());
        if (_clientErrors.Count > 0 || _slugAvailability == SlugAvailability.Taken) return;
        await OnSubmit.InvokeAsync(_model.ToRequest());
    }

    private void ScheduleSlugCheck()
    {
        CancelSlugCheck();
        _slugAvailability = SlugAvailability.Unknown;
        if (IsSlugFree is not { } isFree || SlugRules.Validate(_model.Slug) is not null) return;
        _slugAvailability = SlugAvailability.Checking;
        _slugCheck = new CancellationTokenSource();
        _ = CheckSlugAsync(isFree, _model.Slug, _slugCheck.Token);
    }

    private async Task CheckSlugAsync(Func<string, Task<bool>> isFree, string slug, CancellationToken ct)
    {
        try
        {
            if (SlugCheckDelay > TimeSpan.Zero) await Task.Delay(SlugCheckDelay, ct);
            var free = await isFree(slug);
            if (ct.IsCancellationRequested) return;
            _slugAvailability = free ? SlugAvailability.Free : SlugAvailability.Taken;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception)
        {
            // Availability is a convenience: the server checks the slug again on submit.
            if (ct.IsCancellationRequested) return;
            _slugAvailability = SlugAvailability.Unknown;
        }
        await InvokeAsync(StateHasChanged);
    }

    private void CancelSlugCheck()
    {
        _slugCheck?.Cancel();
        _slugCheck?.Dispose();
        _slugCheck = null;
    }

    public void Dispose() => CancelSlugCheck();

    private sealed class Model
    {
        public string AgencyName { get; set; } = "";
        public string Slug { get; set; } = "";
        public string OwnerName { get; set; } = "";
        public string Mobile { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";

        public SignUpRequest ToRequest() => new(AgencyName, Slug, OwnerName, Mobile, Email, Password);

        public string Get(string field) => field switch
        {
            Fields.AgencyName => AgencyName,
            Fields.Slug => Slug,
            Fields.OwnerName => OwnerName,
            Fields.Mobile => Mobile,
            Fields.Email => Email,
            Fields.Password => Password,
            _ => "",
        };
    }
}
