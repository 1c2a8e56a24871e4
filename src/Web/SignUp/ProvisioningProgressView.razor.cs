using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Provisioning;
using Microsoft.AspNetCore.Components;

namespace LoanSaaS.Web.SignUp;

/// <summary>Live progress of a new agency's provisioning, with the way into the workspace once it is ready.</summary>
public sealed partial class ProvisioningProgressView
{
    private enum StepLook { Done, Running, Failed, Pending }

    [Parameter, EditorRequired] public Guid TenantId { get; set; }

    private ProvisioningStatus? _status;
    private bool _loaded;
    private bool _liveSeen;
    // The last completed step (see ProvisioningStep) and the agency's state, as last heard.
    private ProvisioningStep _step;
    private TenantState _state = TenantState.Provisioning;
    private IDisposable? _subscription;
    private bool _retrying;
    private string? _retryError;

    private ProvisioningStep NextStep => _step < ProvisioningStep.Completed ? _step + 1 : ProvisioningStep.Completed;

    protected override async Task OnInitializedAsync()
    {
        // Subscribe before reading, so a step finished in between is not missed.
        if (RendererInfo.IsInteractive) _subscription = Live.Subscribe(ProvisioningProgress.Topic(TenantId), OnProgressAsync);
        _status = await GetStatus.HandleAsync(TenantId, CancellationToken.None);
        _loaded = true;
        // A live message is newer than any read that was in flight when it arrived.
        if (_status is not null && !_liveSeen)
        {
            _step = _status.Step;
            _state = _status.State;
        }
    }

    private Task OnProgressAsync(LiveMessage message) => InvokeAsync(() =>
    {
        if (!Enum.TryParse<ProvisioningStep>(message["step"], out var step) || !Enum.TryParse<TenantState>(message["state"], out var state)) return;
        _liveSeen = true;
        _step = step;
        _state = state;
        if (state != TenantState.Failed) _retryError = null;
        StateHasChanged();
    });

    private StepLook LookOf(ProvisioningStep step)
    {
        if (step <= _step && (step != ProvisioningStep.Completed || _state == TenantState.Active)) return StepLook.Done;
        if (step != NextStep) return StepLook.Pending;
        return _state switch
        {
            TenantState.Provisioning => StepLook.Running,
            TenantState.Failed => StepLook.Failed,
            _ => StepLook.Pending,
        };
    }

    private async Task RetryAsync()
    {
        _retrying = true;
        _retryError = null;
        try
        {
            var result = await AgencyState.RetryProvisioningAsync(TenantId, CancellationToken.None);
            if (result.Succeeded)
            {
                // The provisioner announces its own progress; show "running" until then.
                _state = TenantState.Provisioning;
            }
            else
            {
                _retryError = string.Join(" ", result.Errors.Select(e => E[e.Code].Value));
            }
        }
        finally
        {
            _retrying = false;
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
