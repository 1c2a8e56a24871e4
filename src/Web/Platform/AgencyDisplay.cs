using System.Globalization;
using LoanSaaS.Domain.Tenancy;
using MudBlazor;

namespace LoanSaaS.Web.Platform;

/// <summary>How agency facts are shown in the admin list.</summary>
public static class AgencyDisplay
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    /// <summary>Binary units with one decimal above KB, e.g. "812 KB", "1.4 MB".</summary>
    public static string Bytes(long? bytes)
    {
        if (bytes is not { } value) return "–";
        double size = value;
        var unit = 0;
        while (size >= 1024 && unit < Units.Length - 1)
        {
            size /= 1024;
            unit++;
        }
        var format = unit <= 1 ? "0" : "0.#";
        return size.ToString(format, CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    public static Color StateColor(TenantState state) => state switch
    {
        TenantState.Active => Color.Success,
        TenantState.Suspended => Color.Warning,
        TenantState.Provisioning => Color.Info,
        TenantState.Failed => Color.Error,
        _ => Color.Default,
    };

    /// <summary>The step that was running when provisioning stopped: the one after the last completed step.</summary>
    public static ProvisioningStep FailedStep(ProvisioningStep lastCompleted) =>
        lastCompleted == ProvisioningStep.Completed ? lastCompleted : lastCompleted + 1;
}
