namespace LoanSaaS.Domain.Leads;

public enum LeadDuplicateReason
{
    SameMobile,
    SameIdNumber,
    SameNameAndCity,
}
