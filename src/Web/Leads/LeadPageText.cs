using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Leads;

/// <summary>Texts of the new-lead form and the lead / customer 360° page (LeadPageText.resx = zh-CN, .en.resx).</summary>
public sealed class LeadPageText
{
    /// <summary>This page's own wording of an error ("Error.Reason.Required"), else the shared lead wording.</summary>
    public static string Error(IStringLocalizer<LeadPageText> t, IStringLocalizer<LeadText> shared, FieldError error) =>
        t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value
        : t[$"Error.{error.Code}"] is { ResourceNotFound: false } general ? general.Value
        : LeadText.Error(shared, error);
}
