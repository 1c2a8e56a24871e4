namespace LoanSaaS.Domain.Applications;

/// <summary>The one optional person beside the borrower on an application: a co-borrower (共同借款人) or a guarantor (担保人).</summary>
public enum RelatedPersonRole
{
    CoBorrower,
    Guarantor,
}

/// <summary>How the related person stands to the borrower: 配偶 / 父母 / 子女 / 兄弟姐妹 / 朋友 / 其他.</summary>
public enum RelatedPersonRelation
{
    Spouse,
    Parent,
    Child,
    Sibling,
    Friend,
    Other,
}
