namespace LoanSaaS.Web.Localization;

/// <summary>Resource marker for use-case error codes (<see cref="LoanSaaS.Infrastructure.Common.FieldError.Code"/>).</summary>
public sealed class ErrorText;
