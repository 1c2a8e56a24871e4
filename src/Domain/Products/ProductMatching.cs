using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Products;

public enum MatchReasonKind
{
    /// <summary>A part of the eligibility that the customer does not meet (<see cref="MatchReason.Node"/>).</summary>
    Condition,

    /// <summary>The customer's amount lies outside the product's range.</summary>
    AmountOutside,

    /// <summary>The customer's term lies outside the product's range.</summary>
    TermOutside,

    /// <summary>The eligibility no longer fits the agency's fields (e.g. a deleted field): nobody is admitted until it is fixed.</summary>
    InvalidEligibility,
}

/// <summary>A field's value as the customer has it, for "（客户：63）".</summary>
public sealed record ObservedValue(ConditionField Field, object? Value);

/// <summary>
/// Why a product does not fit. For <see cref="MatchReasonKind.Condition"/>: the failing comparison or "any of" group,
/// or — when <see cref="Negated"/> — a part of a "none of" group the customer does meet; with the customer's values.
/// </summary>
public sealed record MatchReason(MatchReasonKind Kind, ConditionNode? Node = null, bool Negated = false)
{
    public IReadOnlyList<ObservedValue> Observed { get; init; } = [];
}

/// <summary>One active product for one customer: eligible or why not, whether the wished amount and term fit, and the estimate.</summary>
/// <param name="Fits">The customer's amount and term are both known and inside the product's ranges.</param>
/// <param name="Estimate">等额本息 at the product's lowest rate for the customer's amount and term, when both are known and fit.</param>
public sealed record ProductMatch(LoanProduct Product, bool Eligible, bool Fits, IReadOnlyList<MatchReason> Reasons, InstallmentEstimate? Estimate);

/// <summary>
/// 产品匹配: which of the agency's products a customer may borrow from, the eligible ones ranked (amount and term fit
/// first, then the lowest rate), the others with each failing part of their eligibility explained.
/// </summary>
public static class ProductMatching
{
    public static IReadOnlyList<ProductMatch> Match(Lead lead, IEnumerable<LoanProduct> products, ConditionSchema<ApplicationFacts> schema, DateOnly today, DateTimeOffset now) =>
        products.Where(p => p.IsActive)
            .Select(p => MatchOne(ApplicationFacts.For(lead, p, null, today), p, schema, now))
            .OrderByDescending(m => m.Eligible).ThenByDescending(m => m.Fits)
            .ThenBy(m => m.Product.MinAnnualRate).ThenBy(m => m.Product.Name, StringComparer.Ordinal)
            .ToList();

    public static ProductMatch MatchOne(ApplicationFacts facts, LoanProduct product, ConditionSchema<ApplicationFacts> schema, DateTimeOffset now)
    {
        var reasons = new List<MatchReason>();
        if (ConditionCompiler.Validate(product.Eligibility, schema).Count > 0) reasons.Add(new MatchReason(MatchReasonKind.InvalidEligibility));
        else reasons.AddRange(Failing(product.Eligibility, facts, schema, now, negated: false));
        if (facts.AmountWithinProduct == false) reasons.Add(new MatchReason(MatchReasonKind.AmountOutside));
        if (facts.TermWithinProduct == false) reasons.Add(new MatchReason(MatchReasonKind.TermOutside));

        var fits = facts.AmountWithinProduct == true && facts.TermWithinProduct == true;
        var estimate = fits ? LoanCalculator.EqualInstallment(facts.AmountWan!.Value * 10_000m, product.MinAnnualRate, facts.TermMonths!.Value) : null;
        return new ProductMatch(product, reasons.Count == 0, fits, reasons, estimate);
    }

    /// <summary>
    /// The parts of <paramref name="node"/> that make it fail: an "all of" group by its failing children, an "any of"
    /// group as a whole (none of its children holds), a "none of" group by the children that hold.
    /// </summary>
    private static IEnumerable<MatchReason> Failing(ConditionNode node, ApplicationFacts facts, ConditionSchema<ApplicationFacts> schema, DateTimeOffset now, bool negated)
    {
        if (Holds(node, facts, schema, now) != negated) return [];
        return node switch
        {
            ConditionGroup { Kind: GroupKind.All } g when !negated => g.Children.SelectMany(c => Failing(c, facts, schema, now, false)),
            ConditionGroup { Kind: GroupKind.None } g when !negated => g.Children.SelectMany(c => Failing(c, facts, schema, now, true)),
            _ => [Reason(node, facts, schema, negated)],
        };
    }

    private static bool Holds(ConditionNode node, ApplicationFacts facts, ConditionSchema<ApplicationFacts> schema, DateTimeOffset now) =>
        ConditionCompiler.Predicate(node is Comparison ? ConditionGroup.AllOf(node) : node, schema, now)(facts);

    private static MatchReason Reason(ConditionNode node, ApplicationFacts facts, ConditionSchema<ApplicationFacts> schema, bool negated) =>
        new(MatchReasonKind.Condition, node, negated)
        {
            Observed = Fields(node).Distinct(StringComparer.Ordinal).Select(schema.Find).OfType<ConditionField>()
                .Select(f => new ObservedValue(f, f.Accessor.Compile().DynamicInvoke(facts))).ToList(),
        };

    private static IEnumerable<string> Fields(ConditionNode node) => node switch
    {
        Comparison c => [c.Field],
        ConditionGroup g => g.Children.SelectMany(Fields),
        _ => [],
    };
}
