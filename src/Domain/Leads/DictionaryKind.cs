namespace LoanSaaS.Domain.Leads;

public enum DictionaryKind
{
    LoanType,
    Source,
}
