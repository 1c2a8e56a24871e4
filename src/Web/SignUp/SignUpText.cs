namespace LoanSaaS.Web.SignUp;

/// <summary>Resource marker for the product landing page and the agency sign-up.</summary>
public sealed class SignUpText;
