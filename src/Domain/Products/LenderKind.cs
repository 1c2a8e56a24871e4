namespace LoanSaaS.Domain.Products;

public enum LenderKind
{
    Bank,
    ConsumerFinance,
    Partner,
}
