using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Products;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>What the product allows, for the form's hints and checks.</summary>
public sealed record ProductTerms(Guid Id, string Name, string Lender, string LoanType, decimal MinAmountWan, decimal MaxAmountWan,
    int MinTermMonths, int MaxTermMonths, IReadOnlyList<RepaymentMethod> RepaymentMethods, IReadOnlyList<string> RequiredDocuments)
{
    public static ProductTerms Of(LoanProduct p) => new(p.Id, p.Name, p.Lender, p.LoanType, p.MinAmountWan, p.MaxAmountWan, p.MinTermMonths, p.MaxTermMonths,
        p.RepaymentMethods, p.RequiredDocuments);
}

public sealed record ApplicationDocumentView(
    Guid Id, string Item, string FileName, string ContentType, long Size, DocumentStatus Status, string? Reason,
    string UploadedByName, DateTimeOffset UploadedAt, string? ReviewedByName, DateTimeOffset? ReviewedAt, Guid? ReplacesId, bool IsSuperseded, long Version)
{
    public bool IsImage => DocumentFormats.IsImage(ContentType);

    public static ApplicationDocumentView Of(ApplicationDocument d) => new(d.Id, d.Item, d.FileName, d.ContentType, d.Size, d.Status, d.Reason,
        d.UploadedByName, d.UploadedAt, d.ReviewedByName, d.ReviewedAt, d.ReplacesId, d.IsSuperseded, d.Version);
}

/// <summary>One checklist item: its current documents and those replaced (history), newest first.</summary>
public sealed record ChecklistItemView(string Item, bool Required, bool Missing, IReadOnlyList<ApplicationDocumentView> Current, IReadOnlyList<ApplicationDocumentView> Replaced);

/// <summary>What the viewer may do with the application now.</summary>
public sealed record ApplicationAbilities(bool Edit, bool Submit, bool Withdraw, bool Upload, bool Review);

/// <summary>
/// One event in an application's life, newest first: "created", "updated", "document.uploaded", "document.reviewed",
/// "submitted", "refused" (admission rules), "withdrawn". <see cref="Data"/> holds the audit entry's details as text.
/// </summary>
public sealed record ApplicationTimelineEntry(DateTimeOffset At, string Kind, string? ActorName, IReadOnlyDictionary<string, string> Data);

public sealed record ApplicationDetail(
    Guid Id, string Number, Guid LeadId, string CustomerName, string? CustomerNumber, string? MobileMasked,
    ProductTerms Product, decimal AmountWan, int TermMonths, RepaymentMethod RepaymentMethod, string? Purpose,
    ApplicationStatus Status, string? CurrentStep, string OwnerId, string? OwnerName,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, long Version,
    IReadOnlyList<ChecklistItemView> Checklist, IReadOnlyList<string> Missing, IReadOnlyList<ApplicationTimelineEntry> Timeline, ApplicationAbilities Can,
    ApplicationRelatedView? Related);

/// <summary>An application's co-borrower or guarantor as shown: the mobile only masked (138****5678).</summary>
public sealed record ApplicationRelatedView(RelatedPersonRole Role, string? Name, RelatedPersonRelation? Relation, string? MobileMasked);

public sealed record ApplicationListRow(
    Guid Id, string Number, Guid LeadId, string CustomerName, string ProductName, decimal AmountWan, int TermMonths,
    ApplicationStatus Status, string? CurrentStep, string? OwnerName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public enum ApplicationListView { Mine, Team, All }

/// <param name="LeadId">One customer's applications (the customer page), in the viewer's reach.</param>
public sealed record ApplicationListQuery(ApplicationListView View = ApplicationListView.Mine, ApplicationStatus? Status = null, Guid? LeadId = null, int Page = 0, int PageSize = 20);

/// <param name="Counts">Per status over the same view (without the status filter), for the chips.</param>
public sealed record ApplicationList(IReadOnlyList<ApplicationListRow> Rows, int Total, IReadOnlyDictionary<ApplicationStatus, int> Counts, IReadOnlyList<ApplicationListView> Views);
