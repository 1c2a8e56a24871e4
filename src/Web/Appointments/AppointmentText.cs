using LoanSaaS.Domain.Appointments;
using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Appointments;

/// <summary>Texts of visits and the calendar (AppointmentText.resx = zh-CN, AppointmentText.en.resx).</summary>
public sealed class AppointmentText
{
    public static string Error(IStringLocalizer<AppointmentText> t, FieldError error) =>
        t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : t["Error.Unknown"].Value;

    public static string Duration(IStringLocalizer<AppointmentText> t, int minutes) =>
        minutes % 60 == 0 ? t["Hours", minutes / 60] : minutes > 60 ? t["Hours", (minutes / 60.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)] : t["Minutes", minutes];

    public static string Reminder(IStringLocalizer<AppointmentText> t, int minutes) => minutes switch
    {
        0 => t["Remind.None"],
        1440 => t["Remind.Day"],
        _ => t["Remind.Minutes", minutes],
    };

    public static string Kind(IStringLocalizer<AppointmentText> t, AppointmentKind kind) => t["Kind." + kind];

    public static string Status(IStringLocalizer<AppointmentText> t, AppointmentStatus status) => t["Status." + status];

    /// <summary>The chip colour of a visit's state.</summary>
    public static MudBlazor.Color Color(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Arrived => MudBlazor.Color.Warning,
        AppointmentStatus.Completed => MudBlazor.Color.Success,
        AppointmentStatus.NoShow or AppointmentStatus.Cancelled => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Info,
    };
}
