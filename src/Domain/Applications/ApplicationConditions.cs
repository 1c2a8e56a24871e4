using System.Linq.Expressions;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;

namespace LoanSaaS.Domain.Applications;

/// <summary>
/// The fields conditions over <see cref="ApplicationFacts"/> may use — product eligibility, admission rules and approval
/// branches — built in and (<see cref="With"/>) the agency's own fields of the customer. Evaluated in memory only.
/// </summary>
public static class ApplicationConditions
{
    public static ConditionSchema<ApplicationFacts> Schema { get; } = new(BuiltIn());

    public static ConditionSchema<ApplicationFacts> With(IEnumerable<CustomField> fields) => new(BuiltIn().Concat(fields.Select(Custom)));

    private static ConditionField Custom(CustomField field)
    {
        var id = field.Id;
        LambdaExpression accessor = field.Type switch
        {
            FieldType.Number or FieldType.Money or FieldType.Percentage =>
                (Expression<Func<ApplicationFacts, decimal?>>)(f => f.CustomValues.Where(v => v.FieldId == id).Select(v => v.Number).FirstOrDefault()),
            FieldType.Date => (Expression<Func<ApplicationFacts, DateOnly?>>)(f => f.CustomValues.Where(v => v.FieldId == id).Select(v => v.Date).FirstOrDefault()),
            FieldType.YesNo => (Expression<Func<ApplicationFacts, bool?>>)(f => f.CustomValues.Where(v => v.FieldId == id).Select(v => v.Flag).FirstOrDefault()),
            FieldType.MultiSelect => (Expression<Func<ApplicationFacts, IEnumerable<string?>>>)(f => f.CustomValues.Where(v => v.FieldId == id).Select(v => v.Text)),
            FieldType.Mobile or FieldType.IdNumber =>
                (Expression<Func<ApplicationFacts, string?>>)(f => f.CustomValues.Where(v => v.FieldId == id).Select(v => v.Index).FirstOrDefault()),
            _ => (Expression<Func<ApplicationFacts, string?>>)(f => f.CustomValues.Where(v => v.FieldId == id).Select(v => v.Text).FirstOrDefault()),
        };
        var options = field.Type is FieldType.SingleSelect or FieldType.MultiSelect ? OptionSource.Custom : OptionSource.None;
        return new ConditionField(field.Key, field.Type, accessor, options) { Label = field.Label, Choices = field.Options, Hidden = field.IsArchived };
    }

    private static ConditionField[] BuiltIn() =>
    [
        ConditionSchema<ApplicationFacts>.Field("Age", FieldType.Number, f => f.Age),
        ConditionSchema<ApplicationFacts>.Field("IsMale", FieldType.YesNo, f => f.IsMale),
        ConditionSchema<ApplicationFacts>.Field("City", FieldType.Text, f => f.City),
        ConditionSchema<ApplicationFacts>.Field("CreditStatus", FieldType.SingleSelect, f => f.CreditStatus, OptionSource.Enum),
        ConditionSchema<ApplicationFacts>.Field("IsBlacklisted", FieldType.YesNo, f => (bool?)f.IsBlacklisted),
        ConditionSchema<ApplicationFacts>.Field("Intent", FieldType.SingleSelect, f => f.Intent, OptionSource.Enum),
        ConditionSchema<ApplicationFacts>.Field("ProductId", FieldType.SingleSelect, f => f.ProductId, OptionSource.Products),
        ConditionSchema<ApplicationFacts>.Field("LoanType", FieldType.SingleSelect, f => f.LoanType, OptionSource.LoanTypeNames),
        ConditionSchema<ApplicationFacts>.Field("LenderKind", FieldType.SingleSelect, f => f.LenderKind, OptionSource.Enum),
        ConditionSchema<ApplicationFacts>.Field("AmountWan", FieldType.Money, f => f.AmountWan),
        ConditionSchema<ApplicationFacts>.Field("TermMonths", FieldType.Number, f => f.TermMonths),
        ConditionSchema<ApplicationFacts>.Field("RepaymentMethod", FieldType.SingleSelect, f => f.RepaymentMethod, OptionSource.Enum),
        ConditionSchema<ApplicationFacts>.Field("AmountWithinProduct", FieldType.YesNo, f => f.AmountWithinProduct),
        ConditionSchema<ApplicationFacts>.Field("TermWithinProduct", FieldType.YesNo, f => f.TermWithinProduct),
        ConditionSchema<ApplicationFacts>.Field("MissingDocuments", FieldType.Number, f => f.MissingDocuments),
    ];
}
