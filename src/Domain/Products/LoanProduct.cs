using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.Products;

/// <summary>A loan product the agency brokers.</summary>
public sealed class LoanProduct
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Lender { get; set; }
    public LenderKind LenderKind { get; set; }
    public required string LoanType { get; set; }
    public decimal MinAmountWan { get; set; }
    public decimal MaxAmountWan { get; set; }
    public int MinTermMonths { get; set; }
    public int MaxTermMonths { get; set; }
    public decimal MinAnnualRate { get; set; }
    public decimal MaxAnnualRate { get; set; }
    public List<RepaymentMethod> RepaymentMethods { get; set; } = [];
    public decimal ServiceFeeRate { get; set; }
    public List<string> RequiredDocuments { get; set; } = [];
    public bool IsActive { get; set; } = true;

    /// <summary>Who may borrow (准入条件), over <see cref="Applications.ApplicationConditions"/>; an empty group admits everyone.</summary>
    public ConditionNode Eligibility { get; set; } = ConditionGroup.AllOf();

    /// <summary>The approval flow (<see cref="Approvals.ApprovalFlowVersion.FlowKey"/>) its applications run; null for the agency's default flow.</summary>
    public string? ApprovalFlowKey { get; set; }

    /// <summary>Concurrency token.</summary>
    public long Version { get; set; }

    public static LoanProduct From(LoanProductDefinition d) => new()
    {
        Code = d.Code, Name = d.Name, Lender = d.Lender, LenderKind = d.LenderKind, LoanType = d.LoanType,
        MinAmountWan = d.MinAmountWan, MaxAmountWan = d.MaxAmountWan, MinTermMonths = d.MinTermMonths, MaxTermMonths = d.MaxTermMonths,
        MinAnnualRate = d.MinAnnualRate, MaxAnnualRate = d.MaxAnnualRate, RepaymentMethods = [.. d.RepaymentMethods],
        ServiceFeeRate = d.ServiceFeeRate, RequiredDocuments = [.. d.RequiredDocuments],
        Eligibility = d.Eligibility ?? ConditionGroup.AllOf(), Version = 1,
    };
}
