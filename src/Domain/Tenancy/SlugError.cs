namespace LoanSaaS.Domain.Tenancy;

/// <summary>Why a tenant slug (the agency's sub-domain) was rejected.</summary>
public enum SlugError
{
    Required,
    TooShort,
    TooLong,
    InvalidCharacters,

    /// <summary>Leading or trailing hyphen, or a double hyphen ("--").</summary>
    MustStartWithLetterOrDigit,
    Reserved,
}
