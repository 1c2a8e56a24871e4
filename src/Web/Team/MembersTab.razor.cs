using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LoanSaaS.Web.Team;

public partial class MembersTab
{
    [Parameter, EditorRequired] public IReadOnlyList<MemberRow> Members { get; set; } = [];
    [Parameter, EditorRequired] public IReadOnlyList<TeamRow> Teams { get; set; } = [];
    [Parameter, EditorRequired] public CurrentUser Me { get; set; } = default!;

    /// <summary>Asks the page to reload members and teams.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IssuePasswordLink IssuePasswordLink { get; set; } = default!;
    [Inject] private SetMemberActive SetMemberActive { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IStringLocalizer<ErrorText> E { get; set; } = default!;

    private readonly MemberFilter _filter = new();

    private static readonly DialogOptions FormDialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };

    private IReadOnlyList<AgencyRole> ManageableRoles => AgencyRoles.All.Where(r => AgencyRoles.CanManageRole(Me.Role, r)).ToList();

    private async Task AddAsync()
    {
        var parameters = new DialogParameters<MemberAddDialog>
        {
            { d => d.Teams, Teams },
            { d => d.Roles, ManageableRoles },
        };
        var dialog = await Dialogs.ShowAsync<MemberAddDialog>(T["AddTitle"], parameters, FormDialog);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string name }) Snackbar.Add(T["MemberAdded", name], Severity.Success);
        // Also after Escape on the invitation link: the member exists by then.
        await Changed.InvokeAsync();
    }

    private async Task EditAsync(MemberRow member)
    {
        var parameters = new DialogParameters<MemberEditDialog>
        {
            { d => d.Member, member },
            { d => d.Teams, Teams },
            { d => d.Roles, ManageableRoles },
            { d => d.CanChangeRole, member.Id != Me.UserId },
            { d => d.Reloaded, EventCallback.Factory.Create(this, () => Changed.InvokeAsync()) },
        };
        var dialog = await Dialogs.ShowAsync<MemberEditDialog>(T["EditTitle"], parameters, FormDialog);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add(T["MemberUpdated", member.FullName], Severity.Success);
            await Changed.InvokeAsync();
        }
    }

    private Task ResetPasswordAsync(MemberRow member) => GuardAsync(async () =>
    {
        var issued = await IssuePasswordLink.HandleAsync(member.Id, default);
        if (!ShowErrors(issued)) return;
        var parameters = new DialogParameters<PasswordLinkDialog>
        {
            { d => d.Url, AbsoluteUrl(Nav, issued.Value!) },
            { d => d.Intro, member.IsInvitePending ? T["ReissueIntro", member.FullName] : T["ResetIntro", member.FullName] },
            { d => d.Label, member.IsInvitePending ? T["InviteLink"] : T["ResetLink"] },
        };
        var title = member.IsInvitePending ? T["ReissueTitle"] : T["ResetTitle"];
        await Dialogs.ShowAsync<PasswordLinkDialog>(title, parameters, FormDialog);
    });

    private Task DeactivateAsync(MemberRow member) => GuardAsync(async () =>
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Text, T["DeactivateText", member.FullName] },
            { d => d.ConfirmText, T["DeactivateConfirm"] },
            { d => d.Color, Color.Error },
        };
        var dialog = await Dialogs.ShowAsync<ConfirmDialog>(T["DeactivateTitle"], parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is not { Canceled: false }) return;
        await SetActiveAsync(member, active: false);
    });

    private Task ReactivateAsync(MemberRow member) => GuardAsync(() => SetActiveAsync(member, active: true));

    private async Task SetActiveAsync(MemberRow member, bool active)
    {
        if (!ShowErrors(await SetMemberActive.HandleAsync(member.Id, active, default))) return;
        Snackbar.Add(active ? T["MemberReactivated", member.FullName] : T["MemberDeactivated", member.FullName], Severity.Success);
        await Changed.InvokeAsync();
    }

    /// <summary>The link to send, on this agency's own host.</summary>
    internal static string AbsoluteUrl(NavigationManager nav, PasswordLink link) => nav.BaseUri.TrimEnd('/') + link.RelativeUrl;

    private bool ShowErrors(Result result)
    {
        foreach (var error in result.Errors) Snackbar.Add(E[error.Code], Severity.Error);
        return result.Succeeded;
    }

    /// <summary>The member's own rights may have changed since the page opened: say so instead of ending the circuit.</summary>
    private async Task GuardAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (AccessDeniedException)
        {
            Snackbar.Add(E["AccessDenied"], Severity.Error);
        }
    }
}
