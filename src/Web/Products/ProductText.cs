using System.Collections;
using System.Globalization;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Products;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Web.Leads;
using LoanSaaS.Web.Pools;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Products;

/// <summary>Texts of the product catalog and product matching (ProductText.resx = zh-CN, .en.resx), and a product's terms and a match's reasons in words.</summary>
public sealed class ProductText
{
    public static string Error(IStringLocalizer<ProductText> t, FieldError error) =>
        error.Field.StartsWith("Condition", StringComparison.Ordinal) ? t["Error.Condition"]
        : error.Code == "Number" ? t["Error.Number"]
        : t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value
        : t[$"Error.{error.Code}"] is { ResourceNotFound: false } general ? general.Value : t["Error.Unknown"].Value;

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Amount(IStringLocalizer<ProductText> t, LoanProduct p) => t["AmountRange", Number(p.MinAmountWan), Number(p.MaxAmountWan)];

    public static string Term(IStringLocalizer<ProductText> t, LoanProduct p) => t["TermRange", p.MinTermMonths, p.MaxTermMonths];

    public static string Rate(IStringLocalizer<ProductText> t, LoanProduct p) => t["RateRange", Number(p.MinAnnualRate), Number(p.MaxAnnualRate)];

    public static string Methods(IStringLocalizer<LeadText> l, LoanProduct p) => string.Join("、", p.RepaymentMethods.Select(m => LeadText.Enum(l, m)));

    /// <summary>"¥4,523.13"</summary>
    public static string Money(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The flow's name for the catalog: the default flow when none is set.</summary>
    public static string Flow(IStringLocalizer<ProductText> t, LoanProduct p, IEnumerable<Infrastructure.Products.FlowChoice> flows) =>
        flows.FirstOrDefault(f => f.Key == (p.ApprovalFlowKey ?? Domain.Approvals.SampleApprovalFlow.FlowKey))?.Name
        ?? (p.ApprovalFlowKey is null ? t["DefaultFlow"].Value : p.ApprovalFlowKey);

    public static string Eligibility(LoanProduct p, IConditionSchema schema, IStringLocalizer<ProductText> t, IStringLocalizer<PoolText> pt, IStringLocalizer<LeadText> l,
        ConditionChoices? choices) =>
        p.Eligibility is ConditionGroup { Children.Count: 0 } ? t["Everyone"] : PoolText.Describe(p.Eligibility, schema, pt, l, choices);

    /// <summary>"年龄 介于 22 ~ 60（客户：63）", "申请金额 80 万元，产品额度 1 ~ 20 万元" …</summary>
    public static string Reason(MatchReason reason, ProductMatch match, decimal? amountWan, int? termMonths, IConditionSchema schema,
        IStringLocalizer<ProductText> t, IStringLocalizer<PoolText> pt, IStringLocalizer<LeadText> l, ConditionChoices? choices)
    {
        var p = match.Product;
        switch (reason.Kind)
        {
            case MatchReasonKind.AmountOutside:
                return t["Reason.Amount", Number(amountWan ?? 0), Number(p.MinAmountWan), Number(p.MaxAmountWan)];
            case MatchReasonKind.TermOutside:
                return t["Reason.Term", termMonths ?? 0, p.MinTermMonths, p.MaxTermMonths];
            case MatchReasonKind.InvalidEligibility:
                return t["Reason.Invalid"];
        }
        var text = PoolText.Describe(reason.Node!, schema, pt, l, choices);
        if (reason.Negated) text = t["Reason.Not", text];
        var observed = reason.Observed.Select(o => reason.Observed.Count == 1
            ? Observed(o, t, pt, l, choices)
            : $"{PoolText.Field(pt, o.Field)} {Observed(o, t, pt, l, choices)}");
        return t["Reason.Customer", text, string.Join(t["Separator"].Value, observed)];
    }

    private static string Observed(ObservedValue o, IStringLocalizer<ProductText> t, IStringLocalizer<PoolText> pt, IStringLocalizer<LeadText> l, ConditionChoices? choices)
    {
        switch (o.Value)
        {
            case null:
                return t["Reason.Unknown"];
            case bool b:
                return b ? pt["Yes"] : pt["No"];
            case Enum e:
                return LeadText.Enum(l, e);
            case decimal d:
                return Number(d);
            case DateOnly date:
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case string s when o.Field.Options is OptionSource.Dictionary or OptionSource.Products:
                return choices?.For(o.Field).FirstOrDefault(c => c.Key == s)?.Name ?? s;
            case Guid g:
                return choices?.For(o.Field).FirstOrDefault(c => c.Key == g.ToString())?.Name ?? g.ToString();
            case string s:
                return s.Length == 0 ? t["Reason.Unknown"] : s;
            case IEnumerable values:
                var list = values.Cast<object?>().Select(v => v?.ToString()).Where(v => !string.IsNullOrEmpty(v)).ToList();
                return list.Count == 0 ? t["Reason.Unknown"] : string.Join("、", list);
            default:
                return Convert.ToString(o.Value, CultureInfo.InvariantCulture) ?? "";
        }
    }
}
