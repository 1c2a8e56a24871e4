using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LoanSaaS.Web.Localization;

/// <summary>MudBlazor's own texts (pager, data grid, dialogs) from our resources; missing keys fall back to MudBlazor's English.</summary>
public sealed class ChineseMudLocalizer(IStringLocalizer<MudText> localizer) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var s = localizer[key];
            return s.ResourceNotFound ? new LocalizedString(key, key, true) : s;
        }
    }
}
