using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;

namespace LoanSaaS.Domain.Applications;

/// <summary>
/// A loan application (进件) of a customer (a converted <see cref="Leads.Lead"/>) for one product. The sales owner
/// prepares it, submits it (admission rules checked), and the approval flow decides it.
/// </summary>
public sealed class LoanApplication
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>进件编号, e.g. JJ202612070001.</summary>
    public required string Number { get; set; }
    public Guid LeadId { get; set; }
    public Guid ProductId { get; set; }
    public decimal AmountWan { get; set; }
    public int TermMonths { get; set; }
    public string? Purpose { get; set; }
    public RepaymentMethod RepaymentMethod { get; set; }

    /// <summary>The optional co-borrower or guarantor; none when null (then name, relation and mobile are empty too).</summary>
    public RelatedPersonRole? RelatedRole { get; set; }
    public string? RelatedName { get; set; }
    public RelatedPersonRelation? RelatedRelation { get; set; }

    /// <summary>The related person's mobile, sealed like a lead's (encrypted, blind index, mask 138****5678).</summary>
    public SealedValue RelatedMobile { get; set; } = SealedValue.Empty;

    public ApplicationStatus Status { get; set; } = ApplicationStatus.Draft;

    /// <summary>The sales owner: prepares, submits, answers returns.</summary>
    public required string OwnerId { get; set; }
    public Guid? TeamId { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The approval flow version this application runs on, pinned at its first submission.</summary>
    public Guid? ApprovalFlowVersionId { get; set; }

    /// <summary>The approval step it waits at, by name (e.g. 风控复审), for the timeline, cards and the progress link.</summary>
    public string? CurrentStep { get; set; }

    /// <summary>Concurrency token.</summary>
    public long Version { get; set; }
}
