namespace LoanSaaS.Web.Account;

/// <summary>Resource marker for sign-in and password pages.</summary>
public sealed class AccountText;
