using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Automation;

/// <summary>
/// The built-in lead fields and facts conditions may use (客群池, assignment, automation): profile, classification,
/// ownership, stage, and the times that make "no follow-up for N days" or "N days in stage". Personal data only as
/// given or not.
/// </summary>
public static class LeadConditions
{
    public static ConditionSchema<Lead> Schema { get; } = new(
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
    ]);
}
