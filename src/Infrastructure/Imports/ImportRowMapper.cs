using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Imports;
using LoanSaaS.Infrastructure.Leads;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>Turns a row's cells into a <see cref="LeadInput"/> by the chosen mapping, and finds the column of a field error.</summary>
public static class ImportRowMapper
{
    /// <param name="custom">Columns holding the agency's own fields: column → field id.</param>
    public static LeadInput ToInput(string?[] cells, IReadOnlyList<ImportField> fields, IReadOnlyDictionary<int, Guid>? custom = null)
    {
        string? Cell(ImportField field)
        {
            for (var i = 0; i < fields.Count; i++)
                if (fields[i] == field) return i < cells.Length ? cells[i] : null;
            return null;
        }

        return new LeadInput
        {
            Name = Cell(ImportField.Name), Mobile = Cell(ImportField.Mobile), IdNumber = Cell(ImportField.IdNumber),
            City = Cell(ImportField.City), LoanType = Cell(ImportField.LoanType), Amount = Cell(ImportField.AmountWan),
            Purpose = Cell(ImportField.Purpose), Term = Cell(ImportField.TermMonths), CreditStatus = Cell(ImportField.CreditStatus),
            Source = Cell(ImportField.Source), Intent = Cell(ImportField.Intent), Tags = Cell(ImportField.Tags),
            Custom = custom is null ? new Dictionary<string, string?>()
                : custom.ToDictionary(c => CustomFieldKeys.Of(c.Value), c => c.Key < cells.Length ? cells[c.Key] : null),
        };
    }

    /// <summary>The <see cref="Common.FieldError.Field"/> name LeadInputRules uses for an import field.</summary>
    public static string ErrorField(ImportField field) => field switch
    {
        ImportField.AmountWan => "Amount",
        ImportField.TermMonths => "Term",
        _ => field.ToString(),
    };

    /// <summary>The column holding the field an error is about, or -1 (e.g. a whole-row problem such as a duplicate).</summary>
    public static int ColumnOf(string errorField, IReadOnlyList<ImportField> fields, IReadOnlyDictionary<int, Guid>? custom = null)
    {
        if (CustomFieldKeys.TryParse(errorField, out var fieldId))
            return custom?.Where(c => c.Value == fieldId).Select(c => c.Key).DefaultIfEmpty(-1).First() ?? -1;
        for (var i = 0; i < fields.Count; i++)
            if (fields[i] != ImportField.Ignore && ErrorField(fields[i]) == errorField) return i;
        return -1;
    }
}
