using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Infrastructure.Approvals.Flows;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Pools;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LoanSaaS.Web.Approvals;

/// <summary>
/// The designer of one flow key: the draft (or the published version, whose edits become draft N+1) drawn and edited,
/// its problems listed as the validator and the approvers check see them, saved, published or discarded; any old
/// version viewed read-only; simulated for sample values.
/// </summary>
public sealed partial class ApprovalFlowDesignerPage
{
    private ApprovalFlowDesign? _design;
    private ApprovalFlowVersion? _editable;
    private FlowDraft? _flow;
    private ApprovalFlowVersion? _viewing;
    private FlowDraft? _viewFlow;
    private ConditionChoices? _choices;
    private ConditionSchema<ApplicationFacts> _schema = ApplicationConditions.Schema;
    private IReadOnlyList<ApprovalFlowProblem> _problems = [];
    private IReadOnlyList<FieldError> _errors = [];
    private IReadOnlyList<string>? _simulatedPath;
    private string? _selected;
    private bool _dirty, _busy, _missing;

    [Parameter] public string FlowKey { get; set; } = "";

    [Inject] private GetApprovalFlow Get { get; set; } = default!;
    [Inject] private GetApprovalFlowVersion GetVersion { get; set; } = default!;
    [Inject] private SaveApprovalFlowDraft Save { get; set; } = default!;
    [Inject] private PublishApprovalFlow Publish { get; set; } = default!;
    [Inject] private DiscardApprovalFlowDraft Discard { get; set; } = default!;
    [Inject] private ListConditionChoices ListChoices { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private bool ReadOnly => _viewing is not null;
    private ApprovalFlowVersion Shown => _viewing ?? _editable!;
    private FlowDraft ShownFlow => _viewFlow ?? _flow!;
    private ApprovalFlowDefinition ShownDefinition => ShownFlow.ToDefinition(Shown.Version);
    private bool CanPublish => _problems.Count == 0 && (_dirty || _editable?.Status == ApprovalFlowStatus.Draft);
    private IReadOnlySet<string> ProblemNodes => ReadOnly ? new HashSet<string>() : _problems.Select(p => p.NodeId).OfType<string>().ToHashSet();

    protected override async Task OnParametersSetAsync()
    {
        if (Tenant.IsApex) return;
        _choices ??= await ListChoices.HandleAsync(default);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _design = await Get.HandleAsync(FlowKey, default);
        if (_design is null)
        {
            _missing = true;
            return;
        }

        _schema = ApplicationConditions.With(_design.Fields);
        _editable = _design.Editable;
        _flow = FlowDraft.From(_editable.Definition);
        _flow.Name = _editable.Name;
        (_viewing, _viewFlow, _dirty, _simulatedPath) = (null, null, false, null);
        if (_flow.Node(_selected) is null) _selected = _flow.Nodes.FirstOrDefault(n => n.Kind == ApprovalNodeKind.Start)?.Id;
        Validate();
    }

    private void Validate()
    {
        var definition = _flow!.ToDefinition(_editable!.Version);
        var members = _design!.Members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        _problems = [.. ApprovalFlowValidator.Validate(definition, _schema), .. ApprovalFlowValidator.CheckApprovers(definition, ApprovalFlowData.RoleKeys, members)];
    }

    private void Changed()
    {
        if (ReadOnly) return;
        _dirty = true;
        _errors = [];
        _simulatedPath = null;
        Validate();
    }

    private void Select(string id) => _selected = id;

    private void Simulated(IReadOnlyList<string>? path) => _simulatedPath = path;

    private string Caption(NodeDraft node) =>
        ApprovalFlowText.Caption(T, node, id => _design!.Members.FirstOrDefault(m => m.Id == id)?.Name ?? T["Node.GoneMember"]);

    private async Task<SavedApprovalFlowDraft?> SaveDraftAsync()
    {
        var result = await Save.HandleAsync(new(FlowKey, _editable!.Id, _editable.Revision, _flow!.Name, _flow.ToDefinition(_editable.Version)), default);
        _errors = result.Errors;
        return result.Succeeded ? result.Value : null;
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            if (await SaveDraftAsync() is not null)
            {
                Snackbar.Add(T["Saved"], Severity.Success);
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PublishAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync(T["Publish"], T["PublishConfirm"], yesText: T["Publish"], cancelText: T["Cancel"]) != true) return;
        _busy = true;
        try
        {
            var draft = _dirty ? await SaveDraftAsync() : new SavedApprovalFlowDraft(_editable!.Id, _editable.Version, _editable.Revision);
            if (draft is null) return;
            var result = await Publish.HandleAsync(FlowKey, draft.Id, draft.Revision, default);
            if (!result.Succeeded)
            {
                // Saved, not published: reload so the editor holds the draft's new revision, then show why.
                await LoadAsync();
                _errors = result.Errors;
                return;
            }

            Snackbar.Add(T["Published", draft.Version], Severity.Success);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DiscardAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync(T["Discard"], T["DiscardConfirm"], yesText: T["Discard"], cancelText: T["Cancel"]) != true) return;
        var result = await Discard.HandleAsync(FlowKey, _editable!.Id, _editable.Revision, default);
        _errors = result.Errors;
        if (!result.Succeeded) return;
        Snackbar.Add(T["Discarded"], Severity.Success);
        if (_design!.Versions.Count == 1) Navigation.NavigateTo("/settings/approval-flows");
        else await LoadAsync();
    }

    private async Task ViewAsync(Guid versionId)
    {
        if (versionId == _editable!.Id)
        {
            StopViewing();
            return;
        }

        _viewing = await GetVersion.HandleAsync(versionId, default);
        if (_viewing is null) return;
        _viewFlow = FlowDraft.From(_viewing.Definition);
        _viewFlow.Name = _viewing.Name;
        _simulatedPath = null;
        if (_viewFlow.Node(_selected) is null) _selected = _viewFlow.Nodes.FirstOrDefault()?.Id;
    }

    private void StopViewing()
    {
        (_viewing, _viewFlow, _simulatedPath) = (null, null, null);
        if (_flow!.Node(_selected) is null) _selected = _flow.Nodes.FirstOrDefault()?.Id;
    }
}
