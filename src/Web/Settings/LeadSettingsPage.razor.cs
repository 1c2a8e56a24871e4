using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Settings;
using LoanSaaS.Web.Forms;
using MudBlazor;

namespace LoanSaaS.Web.Settings;

/// <summary>/settings/leads: duplicate policy, the public form's texts and consent (versioned), and the agency's lists.</summary>
public partial class LeadSettingsPage
{
    private static readonly string[] FormFields = ["FormTitle", "FormIntro", "ConsentText"];

    private LeadSettings? _settings;
    private IReadOnlyList<DictionaryRow>? _items;
    private DuplicatePolicy _policy;
    private string? _title;
    private string? _intro;
    private string? _consent;
    private bool _saving;
    private readonly FieldErrorSet _errors = new();

    protected override async Task OnInitializedAsync()
    {
        if (TenantContext.IsApex) return;
        await LoadAsync();
        await ReloadItemsAsync();
    }

    private async Task LoadAsync()
    {
        _settings = await GetSettings.HandleAsync(default);
        _policy = _settings.DuplicatePolicy;
        _title = _settings.Form.Title;
        _intro = _settings.Form.Intro;
        _consent = _settings.ConsentText;
    }

    private async Task ReloadItemsAsync() => _items = await Dictionary.HandleAsync(default);

    private string? Error(string field) => _errors.All.FirstOrDefault(e => e.Field == field) is { } e ? T[$"Error.{e.Code}"].Value : null;

    private async Task SaveAsync()
    {
        if (_settings is null) return;
        _saving = true;
        try
        {
            var result = await UpdateSettings.HandleAsync(new UpdateLeadSettingsRequest(_policy, _consent ?? "", _title, _intro, _settings.Stamp), default);
            if (result.Succeeded)
            {
                _errors.Set([]);
                await LoadAsync();
                Snackbar.Add(T["Saved"], Severity.Success);
            }
            else if (result.Errors.Any(e => e.Code == "ChangedByOthers"))
            {
                _errors.Set([]);
                await LoadAsync();
                Snackbar.Add(T["Reloaded"], Severity.Warning);
            }
            else
            {
                _errors.Set(result.Errors);
            }
        }
        catch (AccessDeniedException)
        {
            _errors.Set([new FieldError("", "AccessDenied")]);
        }
        finally
        {
            _saving = false;
        }
    }
}
