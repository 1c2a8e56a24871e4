using LoanSaaS.Domain.Imports;
using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Imports;

/// <summary>Resource marker for the import pages (ImportText.resx = zh-CN, ImportText.en.resx).</summary>
public sealed class ImportText
{
    public static string Error(IStringLocalizer<ImportText> t, FieldError error) => t[$"Error.{error.Field}.{error.Code}"];

    public static string Status(IStringLocalizer<ImportText> t, ImportStatus status) => t["Status." + status];
}
