namespace LoanSaaS.Domain.Products;

public enum RepaymentMethod
{
    /// <summary>等额本息: equal monthly installments.</summary>
    EqualInstallment,

    /// <summary>等额本金: equal principal each month, interest on the remaining balance.</summary>
    EqualPrincipal,

    /// <summary>先息后本: interest monthly, principal at maturity.</summary>
    InterestOnly,

    /// <summary>一次性还本付息: principal and interest together at maturity.</summary>
    Bullet,
}
