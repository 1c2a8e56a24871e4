namespace LoanSaaS.Infrastructure.PersonalData;

/// <summary>Kinds of C2 data; the name goes into the associated data and the blind index so values cannot be swapped between kinds.</summary>
public enum PersonalDataKind
{
    Mobile,
    IdNumber,
    BankCard,
    /// <summary>An email address a message goes to (the notification outbox).</summary>
    Email,
    /// <summary>A whole credit report (<c>Domain/Credit/CreditReportContent</c> as JSON).</summary>
    CreditReport,
}
