using System.Globalization;
using LoanSaaS.Domain.Applications;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Applications;

/// <summary>Texts of applications (进件) and their documents (ApplicationText.resx = zh-CN, ApplicationText.en.resx).</summary>
public sealed class ApplicationText
{
    /// <summary>A refusal in words; range errors name the product's range.</summary>
    public static string Error(IStringLocalizer<ApplicationText> t, FieldError error, ProductTerms? product = null) => (error.Field, error.Code, product) switch
    {
        ("Amount", "OutOfRange", { } p) => t["Error.Amount.OutOfRangeOf", Wan(p.MinAmountWan), Wan(p.MaxAmountWan)],
        ("Term", "OutOfRange", { } p) => t["Error.Term.OutOfRangeOf", p.MinTermMonths, p.MaxTermMonths],
        ("", var code, _) => t[$"Error.{code}"] is { ResourceNotFound: false } plain ? plain.Value : t["Error.Unknown"].Value,
        _ => t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : t["Error.Unknown"].Value,
    };

    public static string Status(IStringLocalizer<ApplicationText> t, ApplicationStatus status) => t["Status." + status];

    public static string Role(IStringLocalizer<ApplicationText> t, RelatedPersonRole role) => t["Role." + role];

    public static string Relation(IStringLocalizer<ApplicationText> t, RelatedPersonRelation relation) => t["Relation." + relation];

    /// <summary>"共同借款人：王芳（配偶）138****5678".</summary>
    public static string Related(IStringLocalizer<ApplicationText> t, ApplicationRelatedView related) =>
        t["Related.Text", Role(t, related.Role), related.Name ?? "", related.Relation is { } r ? Relation(t, r) : "", related.MobileMasked ?? ""].Value.Trim();

    /// <summary>An audited related person ("CoBorrower,王芳,Spouse,138****5678", see ApplicationInputs) in words; "—" for none.</summary>
    public static string RelatedAudit(IStringLocalizer<ApplicationText> t, string text)
    {
        var parts = text.Split(',');
        if (parts.Length < 4 || !Enum.TryParse<RelatedPersonRole>(parts[0], out var role)) return text.Length == 0 ? "—" : text;
        var relation = Enum.TryParse<RelatedPersonRelation>(parts[^2], out var r) ? r : (RelatedPersonRelation?)null;
        return Related(t, new ApplicationRelatedView(role, string.Join(',', parts[1..^2]), relation, parts[^1]));
    }

    public static string DocumentStatus(IStringLocalizer<ApplicationText> t, Domain.Applications.DocumentStatus status) => t["Document." + status];

    public static MudBlazor.Color Color(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => MudBlazor.Color.Default,
        ApplicationStatus.InApproval => MudBlazor.Color.Info,
        ApplicationStatus.Returned => MudBlazor.Color.Warning,
        ApplicationStatus.Approved => MudBlazor.Color.Success,
        ApplicationStatus.Rejected => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Dark,
    };

    public static MudBlazor.Color Color(Domain.Applications.DocumentStatus status) => status switch
    {
        Domain.Applications.DocumentStatus.Accepted => MudBlazor.Color.Success,
        Domain.Applications.DocumentStatus.Rejected => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Warning,
    };

    public static string Wan(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB";

    /// <summary>Where the browser fetches a document (ApplicationEndpoints).</summary>
    public static string DocumentUrl(Guid applicationId, Guid documentId) => $"/applications/{applicationId}/documents/{documentId}";
}
