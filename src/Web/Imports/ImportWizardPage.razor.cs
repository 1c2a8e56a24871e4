using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Imports;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Web.Leads;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LoanSaaS.Web.Imports;

public enum WizardStep { Upload, Mapping, Preview, Options }

/// <summary>Upload → column mapping → preview → duplicate policy and owner → start; then the progress page takes over.</summary>
public sealed partial class ImportWizardPage
{
    private const string MeChoice = "me";
    private const string PoolChoice = "pool";
    private const string RulesChoice = "rules";

    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private ICurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private UploadLeadImport Upload { get; set; } = default!;
    [Inject] private PreviewLeadImport Preview { get; set; } = default!;
    [Inject] private StartLeadImport Start { get; set; } = default!;
    [Inject] private ListImportOwners Owners { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<ImportText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<LeadText> L { get; set; } = default!;

    private WizardStep _step;
    private bool _busy;
    private string? _error;
    private UploadedImport? _uploaded;
    private ImportField[] _mapping = [];
    /// <summary>Columns mapped to the agency's own fields: column → field id.</summary>
    private Dictionary<int, Guid> _custom = [];
    private IReadOnlyList<string?> _samples = [];
    private ImportPreview? _preview;
    private DuplicatePolicy _policy = DuplicatePolicy.FillEmpty;
    private string _owner = MeChoice;
    private IReadOnlyList<ImportOwner> _owners = [];
    private CurrentUser? _me;

    private string StepClass(WizardStep step) => step == _step ? "import-step import-step-current" : step < _step ? "import-step import-step-done" : "import-step";

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        _error = null;
        _busy = true;
        try
        {
            var file = e.File;
            // Larger files are refused by size before a byte is read; the use case enforces the limit again while copying.
            await using var content = file.Size > ImportLimits.MaxFileBytes ? Stream.Null : file.OpenReadStream(ImportLimits.MaxFileBytes);
            var result = await Upload.HandleAsync(new UploadLeadImportRequest(content, file.Name, file.Size), default);
            if (!result.Succeeded) { _error = ImportText.Error(T, result.Errors[0]); return; }
            _uploaded = result.Value!;
            _mapping = [.. _uploaded.Mapping];
            _custom = _uploaded.CustomMapping.ToDictionary();
            _policy = _uploaded.DefaultPolicy;
            _preview = (await Preview.HandleAsync(new PreviewLeadImportRequest(_uploaded.ImportId, _mapping, _custom), default)).Value;
            _samples = _uploaded.Headers.Select((_, i) => _preview?.Rows.Select(r => i < r.Cells.Count ? r.Cells[i] : null).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))).ToList();
            _step = WizardStep.Mapping;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task NextAsync()
    {
        _error = null;
        if (_step == WizardStep.Mapping)
        {
            if (MappingProblem() is { } problem) { _error = ImportText.Error(T, problem); return; }
            _busy = true;
            var result = await Preview.HandleAsync(new PreviewLeadImportRequest(_uploaded!.ImportId, _mapping, _custom), default);
            _busy = false;
            if (!result.Succeeded) { _error = ImportText.Error(T, result.Errors[0]); return; }
            _preview = result.Value;
            _step = WizardStep.Preview;
        }
        else if (_step == WizardStep.Preview)
        {
            _me ??= await CurrentUser.GetAsync();
            _owners = await Owners.HandleAsync(default);
            _step = WizardStep.Options;
        }
    }

    private FieldError? MappingProblem()
    {
        var mapped = _mapping.Where(f => f != ImportField.Ignore).ToList();
        if (mapped.Count != mapped.Distinct().Count()) return new FieldError("Mapping", "Repeated");
        return mapped.Contains(ImportField.Name) && mapped.Contains(ImportField.Mobile) ? null : new FieldError("Mapping", "NameAndMobileRequired");
    }

    private void Back()
    {
        _error = null;
        if (_step > WizardStep.Upload) _step--;
    }

    private async Task StartAsync()
    {
        _error = null;
        _busy = true;
        var owner = _owner switch { PoolChoice or RulesChoice => null, MeChoice => _me?.UserId, var id => id };
        var result = await Start.HandleAsync(new StartLeadImportRequest(_uploaded!.ImportId, _mapping, _policy, owner, _custom, AutoAssign: _owner == RulesChoice), default);
        _busy = false;
        if (!result.Succeeded) { _error = ImportText.Error(T, result.Errors[0]); return; }
        Snackbar.Add(T["Started"], Severity.Success);
        Nav.NavigateTo($"/leads/imports/{_uploaded.ImportId}");
    }
}
