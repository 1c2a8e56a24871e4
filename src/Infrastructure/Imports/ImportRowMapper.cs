using LoanSaaS.Domain.Imports;
using LoanSaaS.Infrastructure.Leads;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>Turns a row's cells into a <see cref="LeadInput"/> by the chosen mapping, and finds the column of a field error.</summary>
public static class ImportRowMapper
{
    public static LeadInput ToInput(string?[] cells, IReadOnlyList<ImportField> fields)
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
    public static int ColumnOf(string errorField, IReadOnlyList<ImportField> fields)
    {
        for (var i = 0; i < fields.Count; i++)
            if (fields[i] != ImportField.Ignore && ErrorField(fields[i]) == errorField) return i;
        return -1;
    }
}
