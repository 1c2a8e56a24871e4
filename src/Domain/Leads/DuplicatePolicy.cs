namespace LoanSaaS.Domain.Leads;

/// <summary>What happens when incoming data matches an existing lead by mobile or ID number.</summary>
public enum DuplicatePolicy
{
    /// <summary>Keep the existing lead unchanged; count the row as a duplicate.</summary>
    Skip,

    /// <summary>Fill only the existing lead's empty fields.</summary>
    FillEmpty,

    /// <summary>Replace the existing lead's fields with every non-empty incoming value.</summary>
    Overwrite,
}
