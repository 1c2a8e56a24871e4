namespace LoanSaaS.Domain.Products;

/// <summary>The loan types used by the sample products; agencies may use their own.</summary>
public static class LoanTypes
{
    public const string Mortgage = "抵押贷";
    public const string Credit = "信用贷";
    public const string Car = "车贷";
    public const string Business = "经营贷";
}
