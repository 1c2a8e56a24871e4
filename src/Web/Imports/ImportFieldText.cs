using LoanSaaS.Domain.Imports;
using LoanSaaS.Infrastructure.Imports;
using LoanSaaS.Web.Leads;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Imports;

/// <summary>Import fields named with the shared lead field labels.</summary>
public static class ImportFieldText
{
    public static string Label(IStringLocalizer<LeadText> l, ImportField field) => l["Field." + ImportRowMapper.ErrorField(field)];
}
