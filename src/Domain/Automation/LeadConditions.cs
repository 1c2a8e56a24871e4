using System.Linq.Expressions;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Automation;

/// <summary>
/// The built-in lead fields and facts conditions may use (客群池, assignment, automation): profile, classification,
/// ownership, stage, the times that make "no follow-up for N days" or "N days in stage", the number of follow-ups,
/// and (<see cref="With"/>) the agency's own fields. Personal data only as given or not.
/// </summary>
public static class LeadConditions
{
    /// <summary>The built-in fields only.</summary>
    public static ConditionSchema<Lead> Schema { get; } = new(BuiltIn());

    /// <summary>
    /// The built-in fields and the agency's own. Archived fields stay readable (a saved pool keeps working) but are
    /// <see cref="ConditionField.Hidden"/> from the builder.
    /// </summary>
    public static ConditionSchema<Lead> With(IEnumerable<CustomField> fields) => new(BuiltIn().Concat(fields.Select(Custom)));

    private static ConditionField Custom(CustomField field)
    {
        var id = field.Id;
        LambdaExpression accessor = field.Type switch
        {
            FieldType.Number or FieldType.Money or FieldType.Percentage =>
                (Expression<Func<Lead, decimal?>>)(l => l.CustomValues.Where(v => v.FieldId == id).Select(v => v.Number).FirstOrDefault()),
            FieldType.Date => (Expression<Func<Lead, DateOnly?>>)(l => l.CustomValues.Where(v => v.FieldId == id).Select(v => v.Date).FirstOrDefault()),
            FieldType.YesNo => (Expression<Func<Lead, bool?>>)(l => l.CustomValues.Where(v => v.FieldId == id).Select(v => v.Flag).FirstOrDefault()),
            FieldType.MultiSelect => (Expression<Func<Lead, IEnumerable<string?>>>)(l => l.CustomValues.Where(v => v.FieldId == id).Select(v => v.Text)),
            FieldType.Mobile or FieldType.IdNumber =>
                (Expression<Func<Lead, string?>>)(l => l.CustomValues.Where(v => v.FieldId == id).Select(v => v.Index).FirstOrDefault()),
            _ => (Expression<Func<Lead, string?>>)(l => l.CustomValues.Where(v => v.FieldId == id).Select(v => v.Text).FirstOrDefault()),
        };
        var options = field.Type is FieldType.SingleSelect or FieldType.MultiSelect ? OptionSource.Custom : OptionSource.None;
        return new ConditionField(field.Key, field.Type, accessor, options) { Label = field.Label, Choices = field.Options, Hidden = field.IsArchived };
    }

    private static ConditionField[] BuiltIn() =>
    [
        ConditionSchema<Lead>.Field("City", FieldType.Text, l => l.City),
        ConditionSchema<Lead>.Field("LoanType", FieldType.SingleSelect, l => l.LoanType, OptionSource.Dictionary, nameof(DictionaryKind.LoanType)),
        ConditionSchema<Lead>.Field("Source", FieldType.SingleSelect, l => l.Source, OptionSource.Dictionary, nameof(DictionaryKind.Source)),
        ConditionSchema<Lead>.Field("AmountWan", FieldType.Money, l => l.AmountWan),
        ConditionSchema<Lead>.Field("TermMonths", FieldType.Number, l => l.TermMonths),
        ConditionSchema<Lead>.Field("Purpose", FieldType.Text, l => l.Purpose),
        ConditionSchema<Lead>.Field("Intent", FieldType.SingleSelect, l => l.Intent, OptionSource.Enum),
        ConditionSchema<Lead>.Field("CreditStatus", FieldType.SingleSelect, l => l.CreditStatus, OptionSource.Enum),
        ConditionSchema<Lead>.Field("Channel", FieldType.SingleSelect, l => (LeadChannel?)l.Channel, OptionSource.Enum),
        ConditionSchema<Lead>.Field("Status", FieldType.SingleSelect, l => (LeadStatus?)l.Status, OptionSource.Enum),
        ConditionSchema<Lead>.Field("Tags", FieldType.MultiSelect, l => l.Tags.Select(t => t.Tag), OptionSource.Tags),
        ConditionSchema<Lead>.Field("IsCustomer", FieldType.YesNo, l => l.ConvertedAt != null),
        ConditionSchema<Lead>.Field("BirthDate", FieldType.Date, l => l.BirthDate),
        ConditionSchema<Lead>.Field("Mobile", FieldType.Mobile, l => l.Mobile.Index),
        ConditionSchema<Lead>.Field("IdNumber", FieldType.IdNumber, l => l.IdNumber.Index),
        ConditionSchema<Lead>.Field("OwnerId", FieldType.SingleSelect, l => l.OwnerId, OptionSource.Members),
        ConditionSchema<Lead>.Field("TeamId", FieldType.SingleSelect, l => l.TeamId, OptionSource.Teams),
        ConditionSchema<Lead>.Field("StageId", FieldType.SingleSelect, l => l.StageId, OptionSource.Stages),
        ConditionSchema<Lead>.Field("CreatedAt", FieldType.DateTime, l => (DateTimeOffset?)l.CreatedAt),
        ConditionSchema<Lead>.Field("LastFollowUpAt", FieldType.DateTime, l => l.LastFollowUpAt),
        ConditionSchema<Lead>.Field("NextFollowUpAt", FieldType.DateTime, l => l.NextFollowUpAt),
        ConditionSchema<Lead>.Field("StageEnteredAt", FieldType.DateTime, l => l.StageEnteredAt),
        ConditionSchema<Lead>.Field("FollowUpCount", FieldType.Number, l => (int?)l.FollowUpCount),
    ];
}
